package dev.signet.server.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.signet.server.config.SignetProperties;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OpenID Connect provider's filter chain (Spring Authorization Server). Features plug in through
 * {@link AuthorizationServerCustomizer} and {@link TokenClaimsContributor} beans rather than editing this class.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** Where a person who must sign in is sent. */
    public static final String SIGN_IN_PAGE = "/sign-in";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, List<AuthorizationServerCustomizer> customizers)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> {
                    server.oidc(Customizer.withDefaults());
                    customizers.forEach(customizer -> customizer.customize(server));
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // Userinfo is called with an access token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), browserRequests()));
        return http.build();
    }

    /**
     * Only a browser asking for a page is sent to sign in; a client calling the token or introspection endpoint with
     * no Accept header (read as any media type) gets the protocol's 401 instead.
     */
    private static MediaTypeRequestMatcher browserRequests() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SignetProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(List<TokenClaimsContributor> contributors) {
        return context -> contributors.forEach(contributor -> contributor.contribute(context));
    }
}
