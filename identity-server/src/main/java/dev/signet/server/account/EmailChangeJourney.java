package dev.signet.server.account;

import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A change of email address in progress, in the session: the current password was right and a code went to
 * {@code newEmail}.
 */
record EmailChangeJourney(String newEmail) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<EmailChangeJourney> STATE =
            new JourneyState<>(EmailChangeJourney.class, AccountSettingsController.CHANGE_EMAIL);

    EmailChangeJourney {
        Objects.requireNonNull(newEmail, "newEmail");
    }
}
