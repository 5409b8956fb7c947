package dev.signet.connector;

/** What listing users gave: a {@link Page} or {@link Unavailable}. */
public sealed interface ListingOutcome permits Page, Unavailable {
}
