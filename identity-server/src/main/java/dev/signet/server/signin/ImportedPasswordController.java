package dev.signet.server.signin;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.server.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Create your password" at the first sign-in with a bulk-imported password that does not meet Signet's rules
 * ({@link SignInOutcome.NewPasswordRequired}): the sign-up page and its checks, with a line saying why. The new password
 * replaces the imported hash, then the citizen is signed in. One who leaves keeps the imported hash and is asked again
 * at the next sign-in, or uses "Forgotten your password?".
 */
@Controller
class ImportedPasswordController {

    static final String NEW_PASSWORD_PAGE = SignInController.EMAIL_PAGE + "/new-password";

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final MessageSource messages;
    private final CitizenSignIn citizenSignIn;
    private final AuditTrail audit;

    ImportedPasswordController(AccountRepository accounts, PasswordPolicy policy, PasswordHasher hasher,
            MessageSource messages, CitizenSignIn citizenSignIn, AuditTrail audit) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @GetMapping(NEW_PASSWORD_PAGE)
    String page(HttpServletRequest request, Locale locale, Model model) {
        return form(model, locale, ImportedPasswordJourney.STATE.require(request), new FormErrors());
    }

    @PostMapping(NEW_PASSWORD_PAGE)
    String choose(@RequestParam(name = NewPasswordAnswer.PASSWORD, required = false) String password,
            @RequestParam(name = NewPasswordAnswer.CONFIRM, required = false) String confirmPassword,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        ImportedPasswordJourney journey = ImportedPasswordJourney.STATE.require(request);
        Optional<Account> account = accounts.findById(journey.accountId());
        if (account.isEmpty() || account.get().status() != AccountStatus.ACTIVE) {
            // Deleted, suspended or merged since the password was checked: nothing to set, and no sign-in.
            ImportedPasswordJourney.STATE.clear(request);
            return "redirect:" + SignInController.EMAIL_PAGE;
        }
        FormErrors errors = NewPasswordAnswer.problems(policy, password, confirmPassword, account.get().email());
        if (!errors.isEmpty()) {
            return form(model, locale, journey, errors);
        }
        accounts.updatePasswordHash(journey.accountId(), hasher.hash(password));
        audit.record(Actor.citizen(journey.accountId()), AuditEventType.PASSWORD_CHANGED,
                Optional.of(journey.accountId()), Map.of("step", "first_sign_in_after_import", "reason", "policy"));
        ImportedPasswordJourney.STATE.clear(request);
        return "redirect:" + citizenSignIn.signIn(journey.accountId(), request, response);
    }

    private String form(Model model, Locale locale, ImportedPasswordJourney journey, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMinLength", policy.minLength());
        model.addAttribute("formAction", NEW_PASSWORD_PAGE);
        model.addAttribute("explanation", messages.getMessage(
                "signin.importedPassword.reason." + journey.refusedFor().name(), null, locale));
        return "signup/password";
    }
}
