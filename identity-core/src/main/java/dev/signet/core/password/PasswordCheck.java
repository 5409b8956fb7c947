package dev.signet.core.password;

/** The outcome of checking a password against a stored hash. */
public sealed interface PasswordCheck {

    /** The password is right. {@code needsRehash} when the stored hash is older or weaker than the current policy. */
    record Matches(boolean needsRehash) implements PasswordCheck {
    }

    /** The password is wrong. */
    record DoesNotMatch() implements PasswordCheck {
    }

    /** The stored hash cannot be read (unknown format or corrupt); {@code reason} is for logs, never for citizens. */
    record UnreadableHash(String reason) implements PasswordCheck {
    }

    default boolean matches() {
        return this instanceof Matches;
    }
}
