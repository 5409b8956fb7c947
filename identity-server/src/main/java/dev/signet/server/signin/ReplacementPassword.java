package dev.signet.server.signin;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.server.audit.AuditTrail;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * Checks the answer as at sign-up; if it passes, it becomes {@code account}'s password and a PASSWORD_CHANGED
     * event with {@code auditDetails} is recorded.
     *
     * @return the problems with the answer; empty when the password was stored
     */
    public FormErrors replace(Account account, String password, String confirmPassword,
            Map<String, String> auditDetails) {
        FormErrors errors = NewPasswordAnswer.problems(policy, password, confirmPassword, account.email());
        if (errors.isEmpty()) {
            accounts.updatePasswordHash(account.id(), hasher.hash(password));
            audit.record(Actor.citizen(account.id()), AuditEventType.PASSWORD_CHANGED, Optional.of(account.id()),
                    auditDetails);
        }
        return errors;
    }
}
