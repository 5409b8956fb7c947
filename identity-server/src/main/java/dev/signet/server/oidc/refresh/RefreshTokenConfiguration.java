package dev.signet.server.oidc.refresh;

import dev.signet.server.oidc.AuthorizationServerCustomizer;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;

/**
 * Puts {@link RefreshTokenRotation} around the authorization server's refresh token provider. This is the one
 * feature that sets the token endpoint's {@code authenticationProviders(..)}.
 */
@Configuration(proxyBeanMethods = false)
public class RefreshTokenConfiguration {

    @Bean
    AuthorizationServerCustomizer refreshTokenRotation(AuthorizationStore store, Clock clock, MeterRegistry meters,
            ObjectProvider<RefreshGrantCheck> checks) {
        return server -> server.tokenEndpoint(tokenEndpoint -> tokenEndpoint.authenticationProviders(providers ->
                providers.replaceAll(provider -> provider instanceof OAuth2RefreshTokenAuthenticationProvider
                        ? new RefreshTokenRotation(provider, store, clock, meters, checks.orderedStream().toList())
                        : provider)));
    }
}
