package dev.signet.server.clients;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.replay.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Decoders for {@code private_key_jwt} client assertions that verify with the relying party's own keys, inline or
 * from its JWKS URI (the framework's default factory knows only JWKS URIs), then apply {@link ClientAssertionValidator}.
 */
final class ClientAssertionDecoderFactory implements JwtDecoderFactory<RegisteredClient> {

    private final RelyingPartyRepository relyingParties;
    private final ClientKeys clientKeys;
    private final Set<String> audiences;
    private final Duration maxLifetime;
    private final ReplayCache replayCache;
    private final Clock clock;

    ClientAssertionDecoderFactory(RelyingPartyRepository relyingParties, ClientKeys clientKeys, Set<String> audiences,
            Duration maxLifetime, ReplayCache replayCache, Clock clock) {
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
        this.audiences = Set.copyOf(audiences);
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
        this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        RelyingParty rp = relyingParties.findByClientId(client.getClientId())
                .filter(found -> found.authMethod() == TokenEndpointAuthMethod.PRIVATE_KEY_JWT)
                .orElseThrow(() -> invalidClient("The client does not authenticate with private_key_jwt"));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(clientKeys.processorFor(rp)
                .orElseThrow(() -> invalidClient("The client has no registered keys")));
        decoder.setJwtValidator(new ClientAssertionValidator(rp.clientId(), audiences, maxLifetime, replayCache,
                clock));
        return decoder;
    }

    private static OAuth2AuthenticationException invalidClient(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, null));
    }
}
