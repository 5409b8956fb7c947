package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current password asked before a change to the account, checked under the same attempt limit as sign-in (per
 * email address and client address), so a browser left signed in gives no more guesses than the sign-in page.
 */
@Component
public class CurrentPassword {

    /** The form field every page uses for it. */
    public static final String FIELD = "currentPassword";
    private static final String WAIT = "protection.currentPassword.wait";

    private final PasswordHasher hasher;
    private final AttemptLimiter limiter;

    CurrentPassword(PasswordHasher hasher, AttemptLimiter limiter) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /** No errors when {@code typed} is the account's password; otherwise what to show next to the field. */
    public FormErrors problems(Account account, String typed, HttpServletRequest request,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        if (typed == null || typed.isEmpty()) {
            return errors.add(FIELD, "account.error.currentPasswordMissing");
        }
        LimitedAttempt attempt = limiter.begin(LimitedAction.SIGN_IN, account.email(), ClientAddress.of(request));
        if (attempt instanceof LimitedAttempt.Refused refused) {
            return WaitMessages.refused(response, refused, FIELD, WAIT);
        }
        LimitedAttempt.Allowed allowed = (LimitedAttempt.Allowed) attempt;
        if (matches(account, typed)) {
            allowed.succeeded();
            return errors;
        }
        Optional<LimitedAttempt.Refused> lockout = allowed.failed();
        return lockout.isPresent() ? WaitMessages.refused(response, lockout.get(), FIELD, WAIT)
                : errors.add(FIELD, "account.error.currentPasswordWrong");
    }

    private boolean matches(Account account, String typed) {
        return account.passwordHash().isPresent()
                && hasher.verify(typed, account.passwordHash().get()) instanceof PasswordCheck.Matches;
    }
}
