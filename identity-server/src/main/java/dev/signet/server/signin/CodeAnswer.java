package dev.signet.server.signin;

import dev.signet.core.code.CodeCheck;
import dev.signet.server.protection.LimitedAttempt;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading a typed one-time code, and the plain message for each way it can be refused. */
public final class CodeAnswer {

    public static final String FIELD = "code";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private CodeAnswer() {
    }

    /** The code without the spaces and dashes people type, or empty when it cannot be a 6-digit code. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return SIX_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /**
     * The problem to show for a typed code; empty when the code was valid. {@code check} is empty when the typed text
     * could not be a code (so no attempt was used up).
     */
    public static FormErrors problems(String typed, Optional<CodeCheck> check) {
        FormErrors errors = new FormErrors();
        if (typed == null || typed.isBlank()) {
            return errors.add(FIELD, "code.error.missing");
        }
        if (check.isEmpty()) {
            return errors.add(FIELD, "code.error.format");
        }
        CodeCheck result = check.get();
        if (result instanceof CodeCheck.Wrong wrong) {
            return errors.add(FIELD, "code.error.wrong", wrong.attemptsLeft());
        }
        if (result instanceof CodeCheck.ExpiredOrUnknown) {
            return errors.add(FIELD, "code.error.expired");
        }
        if (result instanceof CodeCheck.TooManyAttempts) {
            return errors.add(FIELD, "code.error.tooManyAttempts");
        }
        return errors;
    }

    /**
     * Reports a checked code to the attempt limiter: a valid code clears the account's count; anything else counts.
     * Returns the lockout a wrong code started, if it started one.
     */
    public static Optional<LimitedAttempt.Refused> report(LimitedAttempt.Allowed attempt, CodeCheck check) {
        if (check instanceof CodeCheck.Valid) {
            attempt.succeeded();
            return Optional.empty();
        }
        return attempt.failed();
    }
}
