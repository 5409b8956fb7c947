package dev.signet.server.clients;

import dev.signet.server.oidc.AuthorizationServerCustomizer;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Introspection (RFC 7662) of a token whose relying party has been disabled answers {@code "active": false}: the
 * token was issued to a client Signet no longer serves (the framework's provider would answer active, since it finds
 * the client by id, which includes disabled ones). The caller's own authentication is left to the framework.
 */
final class DisabledClientIntrospection implements AuthorizationServerCustomizer {

    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;

    DisabledClientIntrospection(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients) {
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public void customize(OAuth2AuthorizationServerConfigurer server) {
        server.tokenIntrospectionEndpoint(endpoint -> endpoint.authenticationProviders(providers ->
                providers.replaceAll(provider -> provider instanceof OAuth2TokenIntrospectionAuthenticationProvider
                        ? new InactiveForDisabledClients(provider) : provider)));
    }

    private final class InactiveForDisabledClients implements AuthenticationProvider {

        private final AuthenticationProvider delegate;

        InactiveForDisabledClients(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2TokenIntrospectionAuthenticationToken request =
                    (OAuth2TokenIntrospectionAuthenticationToken) authentication;
            if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller && caller.isAuthenticated()) {
                OAuth2Authorization authorization = authorizations.findByToken(request.getToken(), null);
                // The registered client id is the client id; findByClientId knows only enabled relying parties.
                if (authorization != null && clients.findByClientId(authorization.getRegisteredClientId()) == null) {
                    return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(), caller,
                            OAuth2TokenIntrospection.builder().build());
                }
            }
            return delegate.authenticate(authentication);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
