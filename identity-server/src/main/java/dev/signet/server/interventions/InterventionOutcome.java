package dev.signet.server.interventions;

import dev.signet.core.account.AccountStatus;

/** What applying an intervention did. */
public sealed interface InterventionOutcome {

    /**
     * The account now has the status.
     *
     * @param previous               its status before
     * @param current                its status now
     * @param relyingPartiesNotified back-channel logout notices queued (one per relying party and session)
     * @param tokenFamiliesRevoked   authorizations (refresh and access tokens, pending codes) revoked
     * @param sessionsEnded          Signet sessions ended at once (in Redis, or in this process's memory)
     */
    record Applied(AccountStatus previous, AccountStatus current, int relyingPartiesNotified,
            int tokenFamiliesRevoked, int sessionsEnded) implements InterventionOutcome {
    }

    /** There is no account with that id. */
    record NoSuchAccount() implements InterventionOutcome {
    }
}
