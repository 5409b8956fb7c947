package dev.signet.client.internal;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** What every token check needs: who issues, who we are, which algorithms, which clock, which keys. */
public record ValidationSettings(String issuer, String clientId, Set<JWSAlgorithm> algorithms, Duration clockSkew,
        Clock clock, JwksCache keys) {

    public ValidationSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        algorithms = Set.copyOf(algorithms);
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keys, "keys");
    }
}
