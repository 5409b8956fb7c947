package dev.signet.connector.legacydb.hash;

/**
 * What checking a password against a stored legacy hash gave. {@code format} names the hash format that was read
 * ({@code bcrypt}, {@code sha512-crypt}, ...): useful in metrics, never containing the hash itself.
 */
public sealed interface HashCheck {

    /** The password matches the stored hash. */
    record Matches(String format) implements HashCheck {
    }

    /** The password does not match. */
    record Mismatch(String format) implements HashCheck {
    }

    /**
     * The stored value could not be read as any supported format, or asks for more work than the limits allow.
     * {@code reason} is for operators and never holds the hash or the password.
     */
    record Unreadable(String reason) implements HashCheck {
    }

    /** {@code Matches} or {@code Mismatch} of {@code format}, from a constant-time comparison's result. */
    static HashCheck of(String format, boolean matches) {
        return matches ? new Matches(format) : new Mismatch(format);
    }
}
