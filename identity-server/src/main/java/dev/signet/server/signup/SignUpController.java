package dev.signet.server.signup;

import dev.signet.core.account.EmailAddress;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.LimitedCodeEntry;
import dev.signet.server.signin.NewPasswordAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of creating an account: email address, code from the email, password. */
@Controller
class SignUpController {

    private static final String EMAIL_PAGE = "/sign-up";
    private static final String CHECK_EMAIL_PAGE = "/sign-up/check-email";
    private static final String RESEND_PAGE = "/sign-up/resend-code";
    private static final String PASSWORD_PAGE = "/sign-up/password";

    private final SignUp signUp;
    private final PasswordPolicy policy;
    private final CitizenSignIn citizenSignIn;
    private final AttemptLimiter limiter;
    private final LimitedCodeEntry codeEntry;

    SignUpController(SignUp signUp, PasswordPolicy policy, CitizenSignIn citizenSignIn, AttemptLimiter limiter,
            LimitedCodeEntry codeEntry) {
        this.signUp = Objects.requireNonNull(signUp, "signUp");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.codeEntry = Objects.requireNonNull(codeEntry, "codeEntry");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
    }

    @GetMapping(EMAIL_PAGE)
    String emailPage(Model model) {
        return emailForm(model, "", new FormErrors());
    }

    @PostMapping(EMAIL_PAGE)
    String email(@RequestParam(name = "email", required = false) String typed, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Optional<String> email = EmailAddress.parse(typed);
        if (email.isEmpty()) {
            return emailForm(model, typed, new FormErrors().add("email",
                    typed == null || typed.isBlank() ? "email.error.missing" : "email.error.format"));
        }
        if (limiter.begin(LimitedAction.CODE_SENDING, email.get(), ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused) {
            return emailForm(model, typed,
                    WaitMessages.refused(response, refused, "email", "protection.codeSending.wait"));
        }
        signUp.sendCode(email.get(), locale);
        SignUpJourney.STATE.save(request, new SignUpJourney(email.get(), false));
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    @GetMapping(CHECK_EMAIL_PAGE)
    String checkEmailPage(HttpServletRequest request, Model model) {
        return codeForm(model, SignUpJourney.STATE.require(request), new FormErrors());
    }

    @PostMapping(CHECK_EMAIL_PAGE)
    String code(@RequestParam(name = "code", required = false) String typed, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        SignUpJourney journey = SignUpJourney.STATE.require(request);
        FormErrors errors = codeEntry.check(typed, journey.email(), request, response,
                code -> signUp.checkCode(journey.email(), code));
        if (!errors.isEmpty()) {
            return codeForm(model, journey, errors);
        }
        SignUpJourney.STATE.save(request, new SignUpJourney(journey.email(), true));
        return "redirect:" + PASSWORD_PAGE;
    }

    @GetMapping(RESEND_PAGE)
    String resendPage(HttpServletRequest request, Model model) {
        model.addAttribute("email", SignUpJourney.STATE.require(request).email());
        model.addAttribute("journeyPath", EMAIL_PAGE);
        return "codes/resend-code";
    }

    @PostMapping(RESEND_PAGE)
    String resend(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        SignUpJourney journey = SignUpJourney.STATE.require(request);
        if (limiter.begin(LimitedAction.CODE_SENDING, journey.email(), ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused) {
            // The code already sent still works: the citizen stays on the page to type it.
            return codeForm(model, journey,
                    WaitMessages.refused(response, refused, CodeAnswer.FIELD, "protection.codeSending.wait"));
        }
        signUp.sendCode(journey.email(), locale);
        SignUpJourney.STATE.save(request, new SignUpJourney(journey.email(), false));
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    @GetMapping(PASSWORD_PAGE)
    String passwordPage(HttpServletRequest request, Model model) {
        SignUpJourney journey = SignUpJourney.STATE.require(request);
        if (!journey.emailVerified()) {
            return "redirect:" + CHECK_EMAIL_PAGE;
        }
        return passwordForm(model, new FormErrors());
    }

    @PostMapping(PASSWORD_PAGE)
    String password(@RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmPassword,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SignUpJourney journey = SignUpJourney.STATE.require(request);
        if (!journey.emailVerified()) {
            return "redirect:" + CHECK_EMAIL_PAGE;
        }
        FormErrors errors = NewPasswordAnswer.problems(policy, password, confirmPassword, journey.email());
        if (!errors.isEmpty()) {
            return passwordForm(model, errors);
        }
        Optional<UUID> created = signUp.createAccount(journey.email(), password);
        SignUpJourney.STATE.clear(request);
        if (created.isEmpty()) {
            // The citizen has proven they control the address, so telling them it has an account reveals nothing.
            return "signup/account-exists";
        }
        return "redirect:" + citizenSignIn.signIn(created.get(), request, response);
    }

    private static String emailForm(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "signup/email";
    }

    private String codeForm(Model model, SignUpJourney journey, FormErrors errors) {
        model.addAttribute("email", journey.email());
        model.addAttribute("errors", errors);
        model.addAttribute("journeyPath", EMAIL_PAGE);
        model.addAttribute("lifetimeMinutes", signUp.codeLifetime().toMinutes());
        return "codes/check-email";
    }

    private String passwordForm(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMinLength", policy.minLength());
        return "signup/password";
    }
}
