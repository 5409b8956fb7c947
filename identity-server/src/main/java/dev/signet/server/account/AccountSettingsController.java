package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.EmailAddress;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.server.logout.CitizenSessionEnding;
import dev.signet.server.logout.SignOut;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.NewPasswordAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "your account" pages that change something: password, email address, deletion. Each asks for the current
 * password first (a signed-in browser left open is not enough to take an account over), and the account page then
 * says what changed.
 */
@Controller
class AccountSettingsController {

    static final String CHANGE_PASSWORD = "/account/change-password";
    static final String CHANGE_EMAIL = "/account/change-email";
    static final String CHECK_NEW_EMAIL = "/account/change-email/check-email";
    static final String DELETE = "/account/delete";
    static final String DELETED = "/account-deleted";
    private static final String CURRENT_PASSWORD = CurrentPassword.FIELD;

    private final AccountRepository accounts;
    private final AccountChanges changes;
    private final PasswordPolicy policy;
    private final SignOut signOut;
    private final CurrentPassword currentPassword;
    private final CitizenSessionEnding sessionEnding;

    AccountSettingsController(AccountRepository accounts, AccountChanges changes, PasswordPolicy policy,
            SignOut signOut, CurrentPassword currentPassword, CitizenSessionEnding sessionEnding) {
        this.sessionEnding = Objects.requireNonNull(sessionEnding, "sessionEnding");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.signOut = Objects.requireNonNull(signOut, "signOut");
        this.currentPassword = Objects.requireNonNull(currentPassword, "currentPassword");
    }

    @GetMapping(CHANGE_PASSWORD)
    String changePasswordPage(Model model) {
        return passwordForm(model, new FormErrors());
    }

    @PostMapping(CHANGE_PASSWORD)
    String changePassword(@RequestParam(name = CURRENT_PASSWORD, required = false) String current,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmPassword,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model, RedirectAttributes redirect) {
        Account account = signedIn(authentication);
        FormErrors errors = currentPassword.problems(account, current, request, response);
        FormErrors newPasswordErrors = NewPasswordAnswer.problems(policy, password, confirmPassword, account.email());
        newPasswordErrors.getAll().forEach(e -> errors.add(e.field(), e.messageKey(), e.arguments()));
        if (!errors.isEmpty()) {
            return passwordForm(model, errors);
        }
        // The session that changed the password goes on; every other one ends (docs/account.md).
        changes.changePassword(account, password, request.getSession().getId(), locale);
        redirect.addFlashAttribute("changed", "sessions.changed.passwordAndSignedOut");
        return "redirect:/account";
    }

    @GetMapping(CHANGE_EMAIL)
    String changeEmailPage(Model model) {
        return emailForm(model, "", new FormErrors());
    }

    @PostMapping(CHANGE_EMAIL)
    String changeEmail(@RequestParam(name = "email", required = false) String typed,
            @RequestParam(name = CURRENT_PASSWORD, required = false) String current,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model) {
        Account account = signedIn(authentication);
        FormErrors errors = new FormErrors();
        Optional<String> email = EmailAddress.parse(typed);
        if (email.isEmpty()) {
            errors.add("email", typed == null || typed.isBlank() ? "email.error.missing" : "email.error.format");
        } else if (EmailAddress.canonical(email.get()).equals(EmailAddress.canonical(account.email()))) {
            errors.add("email", "account.error.sameEmail");
        }
        currentPassword.problems(account, current, request, response).getAll()
                .forEach(e -> errors.add(e.field(), e.messageKey(), e.arguments()));
        if (!errors.isEmpty()) {
            return emailForm(model, typed, errors);
        }
        changes.sendEmailChangeCode(account.id(), email.get(), locale);
        EmailChangeJourney.STATE.save(request, new EmailChangeJourney(email.get()));
        return "redirect:" + CHECK_NEW_EMAIL;
    }

    @GetMapping(CHECK_NEW_EMAIL)
    String checkNewEmailPage(HttpServletRequest request, Model model) {
        return codeForm(model, EmailChangeJourney.STATE.require(request), new FormErrors());
    }

    @PostMapping(CHECK_NEW_EMAIL)
    String checkNewEmail(@RequestParam(name = CodeAnswer.FIELD, required = false) String typed,
            Authentication authentication, HttpServletRequest request, Locale locale, Model model,
            RedirectAttributes redirect) {
        Account account = signedIn(authentication);
        EmailChangeJourney journey = EmailChangeJourney.STATE.require(request);
        Optional<String> code = CodeAnswer.parse(typed);
        if (code.isEmpty()) {
            return codeForm(model, journey, CodeAnswer.problems(typed, Optional.empty()));
        }
        AccountChanges.EmailChange change = changes.changeEmail(account, journey.newEmail(), code.get(), locale);
        if (change instanceof AccountChanges.EmailChange.CodeRefused refused) {
            return codeForm(model, journey, CodeAnswer.problems(typed, Optional.of(refused.check())));
        }
        EmailChangeJourney.STATE.clear(request);
        if (change instanceof AccountChanges.EmailChange.AddressInUse) {
            return emailForm(model, journey.newEmail(), new FormErrors().add("email", "account.error.emailInUse"));
        }
        redirect.addFlashAttribute("changed", "account.changed.email");
        return "redirect:/account";
    }

    @GetMapping(DELETE)
    String deletePage(Model model) {
        model.addAttribute("errors", new FormErrors());
        return "account/delete";
    }

    @PostMapping(DELETE)
    String delete(@RequestParam(name = CURRENT_PASSWORD, required = false) String current,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model) {
        Account account = signedIn(authentication);
        FormErrors errors = currentPassword.problems(account, current, request, response);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "account/delete";
        }
        // Every session of the account ends and every service it was used with is told (back-channel logout).
        sessionEnding.endBeforeDeletion(account.id());
        changes.delete(account, locale);
        // This request's own session, through the request, so the session store does not write it back.
        signOut.signOut(request, response);
        return "redirect:" + DELETED;
    }

    @GetMapping(DELETED)
    String deleted() {
        return "account/deleted";
    }

    /** The account was deleted while this browser was still signed in to it: nothing to change, start again. */
    @ExceptionHandler(AccountGoneException.class)
    String accountGone(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/sign-in";
    }

    static final class AccountGoneException extends RuntimeException {
        AccountGoneException() {
            super("The signed-in account no longer exists", null, false, false);
        }
    }

    /** The signed-in citizen's account; the pages are behind sign-in, so a missing one was deleted meanwhile. */
    private Account signedIn(Authentication authentication) {
        if (authentication instanceof CitizenAuthentication citizen) {
            Optional<Account> account = accounts.findById(citizen.accountId());
            if (account.isPresent()) {
                return account.get();
            }
        }
        throw new AccountGoneException();
    }

    private String passwordForm(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMinLength", policy.minLength());
        return "account/change-password";
    }

    private static String emailForm(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "account/change-email";
    }

    private String codeForm(Model model, EmailChangeJourney journey, FormErrors errors) {
        model.addAttribute("email", journey.newEmail());
        model.addAttribute("errors", errors);
        model.addAttribute("lifetimeMinutes", changes.codeLifetime().toMinutes());
        return "account/check-new-email";
    }
}
