package dev.signet.server.signup;

import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The sign-up journey so far, in the session.
 *
 * @param email         the address the account is being created for
 * @param emailVerified whether the citizen has typed the code sent to it
 */
record SignUpJourney(String email, boolean emailVerified) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<SignUpJourney> STATE = new JourneyState<>(SignUpJourney.class, "/sign-up");

    SignUpJourney {
        Objects.requireNonNull(email, "email");
    }
}
