package dev.signet.server.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The sign-in journey so far, in the session.
 *
 * @param email                  the address the citizen typed on the first page
 * @param passwordResetRequired  set only after the right password was given for an account that must change it
 */
public record SignInJourney(String email, boolean passwordResetRequired) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final JourneyState<SignInJourney> STATE = new JourneyState<>(SignInJourney.class, "/sign-in");

    public SignInJourney {
        Objects.requireNonNull(email, "email");
    }
}
