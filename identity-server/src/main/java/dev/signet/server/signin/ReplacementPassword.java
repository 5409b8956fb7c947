package dev.signet.server.signin;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.server.audit.AuditTrail;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the journeys that make a citizen choose a new password, because the one carried over from elsewhere (an old
 * system's sign-in, a bulk import) fails Signet's rules, have in common: the sign-up password page with a line saying
 * why, the sign-up checks, and storing the new password with an audit record. Each journey keeps its own state, page
 * address and what happens around it.
 */
@Component
public class ReplacementPassword {

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AuditTrail audit;

    ReplacementPassword(AccountRepository accounts, PasswordPolicy policy, PasswordHasher hasher, AuditTrail audit) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * The sign-up password page posting to {@code formAction}.
     *
     * @param explanationMore a second paragraph under the explanation, or {@code null} for none
     */
    public String page(Model model, String formAction, FormErrors errors, String explanation, String explanationMore) {
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMinLength", policy.minLength());
        model.addAttribute("formAction", formAction);
        model.addAttribute("explanation", explanation);
        if (explanationMore != null) {
            model.addAttribute("explanationMore", explanationMore);
        }
        return "signup/password";
    }

    /** How an answer on the page ended. */
    public sealed interface Outcome {
        /** The password is stored: the citizen may be signed in. */
        record Stored() implements Outcome {
        }

        /** The answer fails the sign-up checks: the page again, with these problems. */
        record Refused(FormErrors errors) implements Outcome {
        }

        /**
         * The account was deleted, suspended or merged since the carried-over password was checked: nothing is set,
         * and the citizen is not signed in.
         */
        record AccountNotActive() implements Outcome {
        }
    }

    /**
     * Checks the answer as at sign-up; if it passes and the account is still active, it becomes the account's password
     * and a PASSWORD_CHANGED event with {@code auditDetails} is recorded.
     */
    public Outcome replace(UUID accountId, String password, String confirmPassword, Map<String, String> auditDetails) {
        Optional<Account> account = accounts.findById(accountId);
        if (account.isEmpty() || account.get().status() != AccountStatus.ACTIVE) {
            return new Outcome.AccountNotActive();
        }
        FormErrors errors = NewPasswordAnswer.problems(policy, password, confirmPassword, account.get().email());
        if (!errors.isEmpty()) {
            return new Outcome.Refused(errors);
        }
        accounts.updatePasswordHash(accountId, hasher.hash(password));
        audit.record(Actor.citizen(accountId), AuditEventType.PASSWORD_CHANGED, Optional.of(accountId), auditDetails);
        return new Outcome.Stored();
    }
}
