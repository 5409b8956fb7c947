package dev.signet.server.account;

import dev.signet.core.account.Account;
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
 * The current password a "your account" page asks for before a change, checked under the same attempt limit as
 * sign-in (per email address and client address), so a browser left signed in gives no more guesses than the sign-in
 * page.
 */
@Component
public class CurrentPasswordCheck {

    public static final String FIELD = "currentPassword";
    private static final String WAIT = "protection.currentPassword.wait";

    private final AccountChanges changes;
    private final AttemptLimiter limiter;

    CurrentPasswordCheck(AccountChanges changes, AttemptLimiter limiter) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /** The errors to show on the form's {@value #FIELD} field; none when the password is the account's. */
    public FormErrors problems(Account account, String current, HttpServletRequest request,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        if (current == null || current.isEmpty()) {
            return errors.add(FIELD, "account.error.currentPasswordMissing");
        }
        LimitedAttempt attempt = limiter.begin(LimitedAction.SIGN_IN, account.email(), ClientAddress.of(request));
        if (attempt instanceof LimitedAttempt.Refused refused) {
            return WaitMessages.refused(response, refused, FIELD, WAIT);
        }
        LimitedAttempt.Allowed allowed = (LimitedAttempt.Allowed) attempt;
        if (changes.isCurrentPassword(account, current)) {
            allowed.succeeded();
            return errors;
        }
        Optional<LimitedAttempt.Refused> lockout = allowed.failed();
        return lockout.isPresent() ? WaitMessages.refused(response, lockout.get(), FIELD, WAIT)
                : errors.add(FIELD, "account.error.currentPasswordWrong");
    }
}
