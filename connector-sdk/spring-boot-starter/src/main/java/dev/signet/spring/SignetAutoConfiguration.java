package dev.signet.spring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.signet.client.ClientKey;
import dev.signet.client.SignetClient;

/**
 * "Sign in with Signet" for a Spring Security web service, from the {@code signet.client.*} properties: a
 * {@link SignetClient}, the session index for back-channel logout, and, unless the service declares its own
 * {@link SecurityFilterChain}, one that requires a signed-in citizen everywhere and applies
 * {@link SignetLoginConfigurer}.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
@EnableConfigurationProperties(SignetClientProperties.class)
public class SignetAutoConfiguration {

    // The client needs a redirect URI; the starter sends the real one, built from the service's own address, with
    // every request, so this one is never used.
    private static final String UNUSED_REDIRECT_BASE = "http://localhost";

    @Bean
    @ConditionalOnMissingBean
    SignetClient signetClient(SignetClientProperties properties, ResourceLoader resources) {
        SignetClient.Builder builder = SignetClient.builder()
                .issuer(properties.issuer())
                .clientId(properties.clientId())
                .clientKey(clientKey(properties.privateKey(), resources))
                .redirectUri(URI.create(UNUSED_REDIRECT_BASE + properties.redirectPath()))
                .scopes(properties.scopes().toArray(String[]::new));
        properties.postLogoutRedirect().ifPresent(builder::postLogoutRedirectUri);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    SignetSessionRegistry signetSessionRegistry() {
        return new SignetSessionRegistry();
    }

    @Bean
    ServletListenerRegistrationBean<SignetSessionRegistry> signetSessionListener(SignetSessionRegistry registry) {
        return new ServletListenerRegistrationBean<>(registry);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain signetSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .with(SignetLoginConfigurer.signet(), Customizer.withDefaults());
        return http.build();
    }

    /** JWK JSON as it is, or a resource location to read it from; the message names the setting, never the key. */
    static ClientKey clientKey(String setting, ResourceLoader resources) {
        String jwk = setting.strip();
        if (!jwk.startsWith("{")) {
            Resource resource = resources.getResource(jwk);
            try (InputStream in = resource.getInputStream()) {
                jwk = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("signet.client.private-key: cannot read the key from '" + setting
                        + "' (" + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return ClientKey.fromJwk(jwk);
        } catch (RuntimeException e) {
            // A JSON parser's message can quote the text it was given: the key. Only the client's own reasons pass.
            String reason = e.getMessage() != null && e.getMessage().startsWith("The client key must")
                    ? e.getMessage() : "it is not valid JWK JSON";
            throw new IllegalStateException("signet.client.private-key is not a usable private JWK (EC P-256 or RSA "
                    + "of at least 2048 bits, with its private part and a kid): " + reason);
        }
    }
}
