package dev.signet.server.signin;

import dev.signet.core.code.CodeCheck;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A typed email code, checked under the code-entry attempt limit: what the sign-up and password-reset "check your
 * email" pages share. A value that is not a code at all is refused without using an attempt.
 */
@Component
public class LimitedCodeEntry {

    private static final String WAIT = "protection.codeEntry.wait";

    private final AttemptLimiter limiter;

    LimitedCodeEntry(AttemptLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /**
     * The problems to show with the typed code; empty when it is right.
     *
     * @param accountKey whose attempts these are (the email address the code went to)
     * @param checker    checks a well-formed code against the store
     */
    public FormErrors check(String typed, String accountKey, HttpServletRequest request,
            HttpServletResponse response, Function<String, CodeCheck> checker) {
        Optional<String> code = CodeAnswer.parse(typed);
        if (code.isEmpty()) {
            return CodeAnswer.problems(typed, Optional.empty());
        }
        LimitedAttempt attempt = limiter.begin(LimitedAction.CODE_ENTRY, accountKey, ClientAddress.of(request));
        if (attempt instanceof LimitedAttempt.Refused refused) {
            return WaitMessages.refused(response, refused, CodeAnswer.FIELD, WAIT);
        }
        CodeCheck check = checker.apply(code.get());
        Optional<LimitedAttempt.Refused> lockout = CodeAnswer.report((LimitedAttempt.Allowed) attempt, check);
        if (lockout.isPresent()) {
            return WaitMessages.refused(response, lockout.get(), CodeAnswer.FIELD, WAIT);
        }
        return CodeAnswer.problems(typed, Optional.of(check));
    }
}
