package dev.signet.server.passkeys;

import java.util.UUID;

/**
 * Whether a citizen may remove one of their passkeys. Seam for the second-factor feature (issue 3, section 2): a
 * citizen must never remove their last second factor (passkey or other) while a service they use requires
 * {@code Cl.Cm}. That feature knows every factor an account has, so it supplies a bean of this type; until then
 * {@link PasskeyConfiguration} lets every passkey be removed (a password sign-in remains).
 */
@FunctionalInterface
public interface PasskeyRemovalPolicy {

    /** A decision on one removal. */
    sealed interface Decision {
    }

    record Allowed() implements Decision {
    }

    /** Refused; {@code messageKey} (a key of any message bundle) says why, in words for the citizen. */
    record Refused(String messageKey) implements Decision {
    }

    Decision mayRemove(UUID accountId, String credentialId);
}
