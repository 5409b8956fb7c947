package dev.signet.core.code;

/** The outcome of checking a typed one-time code. */
public sealed interface CodeCheck {

    /** The code was right; it is now used up. */
    record Valid() implements CodeCheck {
    }

    /** The code was wrong; {@code attemptsLeft} more tries before the code is withdrawn. */
    record Wrong(int attemptsLeft) implements CodeCheck {
    }

    /** No live code: never issued, expired, or already used. */
    record ExpiredOrUnknown() implements CodeCheck {
    }

    /** Too many wrong attempts: the code is withdrawn and a new one must be requested. */
    record TooManyAttempts() implements CodeCheck {
    }
}
