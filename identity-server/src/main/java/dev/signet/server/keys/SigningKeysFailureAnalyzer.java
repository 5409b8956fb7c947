package dev.signet.server.keys;

import dev.signet.core.keys.KeyEncryption.KeyDecryptionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a missing or wrong key-encryption key into Spring Boot's short "APPLICATION FAILED TO START" report naming
 * {@code signet.keys.encryption-key}, instead of a stack of bean-creation errors.
 */
final class SigningKeysFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingEncryptionKeyException) {
                return new FailureAnalysis(cause.getMessage(), "Set signet.keys.encryption-key (or the environment "
                        + "variable SIGNET_KEYS_ENCRYPTION_KEY) to the same base64 value on every instance; see "
                        + "docs/signing-keys.md.", cause);
            }
            if (cause instanceof KeyDecryptionException) {
                return new FailureAnalysis(cause.getMessage(), "Set signet.keys.encryption-key to the key the signing "
                        + "keys were stored with (see docs/signing-keys.md for replacing lost keys).", cause);
            }
        }
        return null;
    }

    /** An external database and no {@code signet.keys.encryption-key}. */
    static final class MissingEncryptionKeyException extends IllegalStateException {

        MissingEncryptionKeyException(String message) {
            super(message);
        }
    }
}
