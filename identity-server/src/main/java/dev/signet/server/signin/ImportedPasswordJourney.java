package dev.signet.server.signin;

import dev.signet.core.password.PasswordProblem;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen who has just given the right password for an account whose bulk-imported password does not meet Signet's
 * rules, on the way to choosing a new one, in the session (server side). Until they do, they are not signed in.
 *
 * @param accountId  the account
 * @param refusedFor why the imported password was refused: only for the page's explanation, never logged
 */
record ImportedPasswordJourney(UUID accountId, PasswordProblem refusedFor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<ImportedPasswordJourney> STATE = new JourneyState<>(ImportedPasswordJourney.class,
            SignInController.EMAIL_PAGE);

    ImportedPasswordJourney {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(refusedFor, "refusedFor");
    }

    @Override
    public String toString() {
        return "ImportedPasswordJourney[(redacted)]";
    }
}
