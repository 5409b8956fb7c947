package dev.signet.server.signin;

import dev.signet.core.account.EmailAddress;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign in with an email address, then a password, on two pages. Whether the email has an account is never shown:
 * an unknown email reaches the password page like a known one and gets the same message as a wrong password.
 */
@Controller
class SignInController {

    static final String EMAIL_PAGE = "/sign-in";
    static final String PASSWORD_PAGE = "/sign-in/password";
    /** Where a citizen whose account needs a new password is sent (the password reset journey). */
    static final String RESET_REQUIRED_PAGE = "/reset-password/required";

    private final PasswordSignIn passwordSignIn;
    private final CitizenSignIn citizenSignIn;

    SignInController(PasswordSignIn passwordSignIn, CitizenSignIn citizenSignIn) {
        this.passwordSignIn = Objects.requireNonNull(passwordSignIn, "passwordSignIn");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
    }

    @GetMapping(EMAIL_PAGE)
    String emailPage(HttpServletRequest request, Model model) {
        // Coming back with "Change" keeps the address typed before.
        String email = SignInJourney.STATE.find(request).map(SignInJourney::email).orElse("");
        return emailForm(model, email, new FormErrors());
    }

    @PostMapping(EMAIL_PAGE)
    String email(@RequestParam(name = "email", required = false) String typed, HttpServletRequest request,
            Model model) {
        Optional<String> email = EmailAddress.parse(typed);
        if (email.isEmpty()) {
            return emailForm(model, typed, new FormErrors().add("email",
                    typed == null || typed.isBlank() ? "email.error.missing" : "email.error.format"));
        }
        SignInJourney.STATE.save(request, new SignInJourney(email.get(), false));
        return "redirect:" + PASSWORD_PAGE;
    }

    @GetMapping(PASSWORD_PAGE)
    String passwordPage(HttpServletRequest request, Model model) {
        return passwordForm(model, SignInJourney.STATE.require(request), new FormErrors());
    }

    @PostMapping(PASSWORD_PAGE)
    String password(@RequestParam(name = "password", required = false) String password, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        SignInJourney journey = SignInJourney.STATE.require(request);
        if (password == null || password.isEmpty()) {
            return passwordForm(model, journey, new FormErrors().add("password", "signin.password.error.missing"));
        }
        SignInOutcome outcome = passwordSignIn.signIn(journey.email(), password, ClientAddress.of(request), locale);
        if (outcome instanceof SignInOutcome.TooManyAttempts tooMany) {
            LimitedAttempt.Refused refused = new LimitedAttempt.Refused(tooMany.retryAfter(), tooMany.lockedOut());
            if (tooMany.lockedOut()) {
                WaitMessages.tooManyRequests(response, tooMany.retryAfter());
                model.addAttribute("email", journey.email());
                model.addAttribute("waitUnit", WaitMessages.unit(tooMany.retryAfter()));
                model.addAttribute("waitAmount", WaitMessages.amount(tooMany.retryAfter()));
                return "protection/sign-in-locked";
            }
            return passwordForm(model, journey,
                    WaitMessages.refused(response, refused, "password", "protection.signIn.wait"));
        }
        if (outcome instanceof SignInOutcome.SignedIn signedIn) {
            SignInJourney.STATE.clear(request);
            return "redirect:" + citizenSignIn.signIn(signedIn.accountId(), request, response);
        }
        if (outcome instanceof SignInOutcome.Unavailable unavailable) {
            SignInJourney.STATE.clear(request);
            model.addAttribute("blocked", unavailable.blocked());
            return "signin/account-unavailable";
        }
        if (outcome instanceof SignInOutcome.Merged) {
            SignInJourney.STATE.clear(request);
            model.addAttribute("merged", true);
            return "signin/account-unavailable";
        }
        if (outcome instanceof SignInOutcome.NewPasswordRequired required) {
            SignInJourney.STATE.clear(request);
            ImportedPasswordJourney.STATE.save(request,
                    new ImportedPasswordJourney(required.accountId(), required.refusedFor()));
            return "redirect:" + ImportedPasswordController.NEW_PASSWORD_PAGE;
        }
        if (outcome instanceof SignInOutcome.ResetRequired) {
            SignInJourney.STATE.save(request, new SignInJourney(journey.email(), true));
            return "redirect:" + RESET_REQUIRED_PAGE;
        }
        return passwordForm(model, journey, new FormErrors().add("password", "signin.password.error.invalid"));
    }

    private static String emailForm(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "signin/email";
    }

    private static String passwordForm(Model model, SignInJourney journey, FormErrors errors) {
        model.addAttribute("email", journey.email());
        model.addAttribute("errors", errors);
        return "signin/password";
    }
}
