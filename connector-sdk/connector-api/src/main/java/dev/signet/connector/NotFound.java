package dev.signet.connector;

/** The legacy system holds no user with that key. */
public record NotFound() implements LookupOutcome {
}
