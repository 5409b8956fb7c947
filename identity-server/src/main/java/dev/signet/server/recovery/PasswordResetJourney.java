package dev.signet.server.recovery;

import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The password reset journey so far, in the session.
 *
 * @param email        the address the citizen gave
 * @param codeVerified whether the citizen has typed the code sent to it
 * @param required     the citizen was sent here by sign-in because their account must get a new password
 */
record PasswordResetJourney(String email, boolean codeVerified, boolean required) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<PasswordResetJourney> STATE =
            new JourneyState<>(PasswordResetJourney.class, "/reset-password");

    PasswordResetJourney {
        Objects.requireNonNull(email, "email");
    }

    PasswordResetJourney verified() {
        return new PasswordResetJourney(email, true, required);
    }
}
