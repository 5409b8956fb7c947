package dev.signet.connector;

import java.util.Objects;

/** The user exists: {@code identity}. */
public record Found(LegacyIdentity identity) implements LookupOutcome {

    public Found {
        Objects.requireNonNull(identity, "identity");
    }
}
