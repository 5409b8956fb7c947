package dev.signet.server.migration;

import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Joining two Signet accounts from "Link another old account", so far, in the session. It starts only after the old
 * system accepted the citizen's details for an old account that another Signet account holds.
 *
 * @param targetId      the signed-in account, which is kept
 * @param sourceId      the account that holds the old account, merged into the target once its control is proven
 * @param connectorId   the old system the citizen signed in to
 * @param controlProven the source's password (or, for an account without one, a code sent to its address) is proven
 * @param emailCodeSent a code has been sent to the source's address (an account without a password)
 * @param factor        the source's second factor being asked for, once control is proven; null before or when the
 *                      source has none
 */
record AccountJoinJourney(UUID targetId, UUID sourceId, String connectorId, boolean controlProven,
        boolean emailCodeSent, SecondFactorMethod factor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String START = AccountLinkJourney.START + "/join";
    static final JourneyState<AccountJoinJourney> STATE = new JourneyState<>(AccountJoinJourney.class,
            AccountLinkJourney.START);

    AccountJoinJourney {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(connectorId, "connectorId");
    }

    static AccountJoinJourney start(UUID targetId, UUID sourceId, String connectorId) {
        return new AccountJoinJourney(targetId, sourceId, connectorId, false, false, null);
    }

    AccountJoinJourney withEmailCodeSent() {
        return new AccountJoinJourney(targetId, sourceId, connectorId, controlProven, true, factor);
    }

    AccountJoinJourney proven(SecondFactorMethod secondFactor) {
        return new AccountJoinJourney(targetId, sourceId, connectorId, true, emailCodeSent, secondFactor);
    }
}
