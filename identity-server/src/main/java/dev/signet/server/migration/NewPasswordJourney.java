package dev.signet.server.migration;

import dev.signet.core.password.PasswordProblem;
import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen who has just proven an old account whose password Signet's rules refused, on the way to choosing a new
 * one, in the session (server side). Until they do, they are not signed in.
 *
 * @param accountId   the Signet account the old account is linked to, which has no password
 * @param connectorId the old system, for its name on the page
 * @param refusedFor  why the old password was refused: only for the page's explanation, never logged
 */
record NewPasswordJourney(UUID accountId, String connectorId, PasswordProblem refusedFor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<NewPasswordJourney> STATE = new JourneyState<>(NewPasswordJourney.class,
            OldAccountJourney.START);

    NewPasswordJourney {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(refusedFor, "refusedFor");
    }

    @Override
    public String toString() {
        return "NewPasswordJourney[(redacted)]";
    }
}
