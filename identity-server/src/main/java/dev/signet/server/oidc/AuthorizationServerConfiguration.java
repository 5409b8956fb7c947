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
import org.springframework.security.config.annotation.web.configurers.AnonymousConfigurer;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.config.annotation.web.configurers.ServletApiConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OpenID Connect provider's filter chain (Spring Authorization Server). Features plug in through
 * {@link AuthorizationServerCustomizer} and {@link TokenClaimsContributor} beans rather than editing this class.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** Where a person who must sign in is sent. */
    public static final String SIGN_IN_PAGE = "/sign-in";

    /**
     * The token, introspection, revocation and JWKS endpoints ({@link StatelessEndpoints}): the same authorization
     * server, client authentication and access rule as {@link #authorizationServerFilterChain}, but stateless. Client
     * authentication runs on every request, so the security context lives in the request only; nothing is kept for a
     * later request (no request cache, no session management filter, no anonymous or servlet-API wrapping, no logout
     * filter), and nothing here creates or reads an HTTP session. The framework's entry point answers a request without
     * client credentials with a 401 (never a sign-in page: a browser has no session here to come back to).
     *
     * <p>Two filters stay although they do nothing for these requests, because the authorization server's configurer
     * adds them back while it initialises: the CSRF filter, which it tells to ignore its endpoints (a client-
     * authenticated POST without cookies needs no CSRF token; its token is never loaded), and the bearer token filter
     * for the userinfo endpoint, which acts only on an {@code Authorization: Bearer} header. Userinfo itself stays in
     * the other chain.
     */
    @Bean
    @Order(0)
    SecurityFilterChain statelessEndpointsFilterChain(HttpSecurity http,
            List<AuthorizationServerCustomizer> customizers, StatelessEndpoints statelessEndpoints) throws Exception {
        http.securityMatcher(statelessEndpoints)
                .with(new OAuth2AuthorizationServerConfigurer(), server -> configure(server, customizers))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // What makes the chain stateless: the context is kept in the request, not the session. (Setting the
                // STATELESS creation policy would bring back a session management filter, with work and no use here.)
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(RequestCacheConfigurer::disable)
                .logout(LogoutConfigurer::disable)
                .servletApi(ServletApiConfigurer::disable)
                .anonymous(AnonymousConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, List<AuthorizationServerCustomizer> customizers)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> configure(server, customizers))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // Userinfo is called with an access token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), browserRequests()));
        return http.build();
    }

    /** The authorization server as the features' {@link AuthorizationServerCustomizer}s configure it (both chains). */
    private static void configure(OAuth2AuthorizationServerConfigurer server,
            List<AuthorizationServerCustomizer> customizers) {
        server.oidc(Customizer.withDefaults());
        customizers.forEach(customizer -> customizer.customize(server));
    }

    @Bean
    StatelessEndpoints statelessEndpoints(AuthorizationServerSettings settings) {
        return new StatelessEndpoints(settings);
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
