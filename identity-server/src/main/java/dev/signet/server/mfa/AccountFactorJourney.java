package dev.signet.server.mfa;

import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * Adding a second factor from "Your account": the same steps as setting one up during sign-in (the
 * {@link SecondFactorJourney} it wraps), kept under its own session attribute so the two never mix.
 */
record AccountFactorJourney(SecondFactorJourney setUp) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<AccountFactorJourney> STATE =
            new JourneyState<>(AccountFactorJourney.class, AccountSecondFactorsController.ADD_PAGE);

    AccountFactorJourney {
        Objects.requireNonNull(setUp, "setUp");
    }
}
