package dev.signet.server.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts {@value #COUNTER} (tags {@code grant_type}, {@code client_id}) once per access token the token endpoint
 * issues. The authorization server's authentication manager publishes an {@link AuthenticationSuccessEvent} when a
 * grant's provider has issued and saved a token, so no part of the authorization server's configuration changes.
 * {@code client_id} is the authenticated client's, so its values are bounded by the registered relying parties; the
 * grant type is read from the request being served, because the issued-token result does not carry it.
 */
final class TokenIssuanceMetrics implements ApplicationListener<AuthenticationSuccessEvent> {

    static final String COUNTER = "signet.tokens.issued";

    private final MeterRegistry registry;

    TokenIssuanceMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onApplicationEvent(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof OAuth2AccessTokenAuthenticationToken issued) {
            Counter.builder(COUNTER)
                    .description("Access tokens issued by the token endpoint")
                    .tag("grant_type", GrantTypeTag.of(currentGrantType()))
                    .tag("client_id", issued.getRegisteredClient().getClientId())
                    .register(registry)
                    .increment();
        }
    }

    private static String currentGrantType() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getParameter("grant_type")
                : null;
    }
}
