package dev.signet.connector;

/** What starting an upstream sign-in gave: a {@link Redirect} to follow, or {@link Unavailable}. */
public sealed interface RedirectStartOutcome permits Redirect, Unavailable {
}
