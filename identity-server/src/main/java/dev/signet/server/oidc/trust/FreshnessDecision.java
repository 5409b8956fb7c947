package dev.signet.server.oidc.trust;

/** What to do with an authentication request, given the citizen's current sign-in. */
sealed interface FreshnessDecision {

    /** Nothing stands in the way: go on (to the sign-in page if nobody is signed in, otherwise to the code). */
    record Proceed() implements FreshnessDecision {
    }

    /** The current sign-in does not do: forget it and ask the citizen to sign in again. */
    record SignInAgain() implements FreshnessDecision {
    }

    /**
     * The sign-in is recent enough but weaker than the request needs ({@code Cl} for {@code Cl.Cm}): keep it and ask
     * for the second factor only.
     */
    record StepUp() implements FreshnessDecision {
    }

    /** A sign-in is needed but {@code prompt=none} forbids showing a page: answer {@code login_required}. */
    record LoginRequired() implements FreshnessDecision {
    }
}
