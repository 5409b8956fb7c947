package dev.signet.connector;

import java.util.Objects;

/** The legacy system accepted the credentials: the citizen is {@code identity}. */
public record Authenticated(LegacyIdentity identity) implements SignInOutcome {

    public Authenticated {
        Objects.requireNonNull(identity, "identity");
    }
}
