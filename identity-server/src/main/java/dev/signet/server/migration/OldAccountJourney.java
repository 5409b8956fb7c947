package dev.signet.server.migration;

import dev.signet.core.password.PasswordProblem;
import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing in with an old account, so far, in the session (server side: the citizen cannot alter it).
 *
 * @param connectorId the old system the citizen chose
 * @param pending     set once the old system has accepted the citizen's details for an identity not linked yet;
 *                    {@code null} before
 * @param upstream    while the citizen is away signing in at an upstream provider (a redirect connector): what the
 *                    callback is checked with; {@code null} otherwise
 */
record OldAccountJourney(String connectorId, PendingLink pending, UpstreamSignIn upstream) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String START = "/sign-in/old-account";
    static final JourneyState<OldAccountJourney> STATE = new JourneyState<>(OldAccountJourney.class, START);

    OldAccountJourney {
        Objects.requireNonNull(connectorId, "connectorId");
    }

    OldAccountJourney(String connectorId, PendingLink pending) {
        this(connectorId, pending, null);
    }

    /** The next step, once the old system has accepted the citizen: an upstream sign-in is over by then. */
    OldAccountJourney with(PendingLink next) {
        return new OldAccountJourney(connectorId, next, null);
    }

    /**
     * An upstream sign-in under way.
     *
     * @param state          the value Signet sent through the upstream provider, compared with the callback's
     * @param connectorState what the connector needs back at the callback (a PKCE verifier, a nonce): kept here, in
     *                       the server-side session, so it never reaches the browser
     */
    record UpstreamSignIn(String state, String connectorState) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        UpstreamSignIn {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(connectorState, "connectorState");
        }

        @Override
        public String toString() {
            return "UpstreamSignIn[(redacted)]";
        }
    }

    /** How the email address of the account to be made or linked has been proven, if it has. */
    enum EmailProof {
        /** Not yet. */
        NONE,
        /** The old system vouches for it (a verified attribute). */
        VOUCHED_BY_CONNECTOR,
        /** The citizen typed the code sent to it in this journey. */
        CODE
    }

    /**
     * A legacy identity the citizen has just proven, waiting for its Signet account.
     *
     * @param legacySubject the legacy system's identifier for the citizen
     * @param email         the address for the Signet account: the legacy record's, or one the citizen typed;
     *                      {@code null} until known
     * @param emailProof    how {@code email} has been proven
     * @param passwordHash  the legacy password, hashed for Signet; {@code null} when the old system signed the
     *                      citizen in without showing Signet a password (an upstream provider), or when the password
     *                      was refused: nothing is carried over
     * @param passwordRefused why the legacy password may not become the Signet password ({@link CarryOverPolicy});
     *                        {@code null} when it may or there was none
     */
    record PendingLink(String legacySubject, String email, EmailProof emailProof, String passwordHash,
            PasswordProblem passwordRefused) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        PendingLink {
            Objects.requireNonNull(legacySubject, "legacySubject");
            Objects.requireNonNull(emailProof, "emailProof");
            if (email == null && emailProof != EmailProof.NONE) {
                throw new IllegalArgumentException("Only a known email address can be proven");
            }
        }

        PendingLink(String legacySubject, String email, EmailProof emailProof, String passwordHash) {
            this(legacySubject, email, emailProof, passwordHash, null);
        }

        /** From the old system's answer: its password hashed for Signet, or why it was refused. */
        static PendingLink of(LegacyCheck.NotLinked notLinked, String email, EmailProof emailProof) {
            return new PendingLink(notLinked.identity().subject(), email, emailProof,
                    notLinked.passwordHash().orElse(null), notLinked.passwordRefused().orElse(null));
        }

        PendingLink withEmail(String newEmail, EmailProof proof) {
            return new PendingLink(legacySubject, newEmail, proof, passwordHash, passwordRefused);
        }

        /** Why the legacy password was not carried over, when Signet's rules refused it. */
        Optional<PasswordProblem> refusedPassword() {
            return Optional.ofNullable(passwordRefused);
        }

        /** The legacy password hashed for Signet, when the old system checked one. */
        Optional<String> carriedPassword() {
            return Optional.ofNullable(passwordHash);
        }

        boolean emailProven() {
            return emailProof != EmailProof.NONE;
        }

        @Override
        public String toString() {
            return "PendingLink[(redacted)]";
        }
    }
}
