package dev.signet.server.recovery;

import dev.signet.core.account.EmailAddress;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.JourneyTimedOutException;
import dev.signet.server.signin.LimitedCodeEntry;
import dev.signet.server.signin.NewPasswordAnswer;
import dev.signet.server.signin.SignInJourney;
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

/** The pages of resetting a forgotten password: email address, code from the email, new password, confirmation. */
@Controller
class PasswordResetController {

    private static final String EMAIL_PAGE = "/reset-password";
    private static final String REQUIRED_PAGE = "/reset-password/required";
    private static final String CHECK_EMAIL_PAGE = "/reset-password/check-email";
    private static final String RESEND_PAGE = "/reset-password/resend-code";
    private static final String NEW_PASSWORD_PAGE = "/reset-password/new-password";
    private static final String DONE_PAGE = "/reset-password/password-changed";

    private final PasswordReset reset;
    private final PasswordPolicy policy;
    private final AttemptLimiter limiter;
    private final LimitedCodeEntry codeEntry;

    PasswordResetController(PasswordReset reset, PasswordPolicy policy, AttemptLimiter limiter,
            LimitedCodeEntry codeEntry) {
        this.reset = Objects.requireNonNull(reset, "reset");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.codeEntry = Objects.requireNonNull(codeEntry, "codeEntry");
        this.policy = Objects.requireNonNull(policy, "policy");
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
        Optional<LimitedAttempt.Refused> refused = sendingRefused(email.get(), request);
        if (refused.isPresent()) {
            return emailForm(model, typed,
                    WaitMessages.refused(response, refused.get(), "email", "protection.codeSending.wait"));
        }
        reset.sendCode(email.get(), locale);
        PasswordResetJourney.STATE.save(request, new PasswordResetJourney(email.get(), false, false));
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    /** Sign-in sends a citizen here after the right password for an account that must get a new one. */
    @GetMapping(REQUIRED_PAGE)
    String requiredPage(HttpServletRequest request) {
        requiredReset(request);
        return "recovery/required";
    }

    @PostMapping(REQUIRED_PAGE)
    String startRequired(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        SignInJourney signIn = requiredReset(request);
        SignInJourney.STATE.clear(request);
        PasswordResetJourney journey = new PasswordResetJourney(signIn.email(), false, true);
        PasswordResetJourney.STATE.save(request, journey);
        Optional<LimitedAttempt.Refused> refused = sendingRefused(signIn.email(), request);
        if (refused.isPresent()) {
            return codeForm(model, journey,
                    WaitMessages.refused(response, refused.get(), CodeAnswer.FIELD, "protection.codeSending.wait"));
        }
        reset.sendCode(signIn.email(), locale);
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    @GetMapping(CHECK_EMAIL_PAGE)
    String checkEmailPage(HttpServletRequest request, Model model) {
        return codeForm(model, PasswordResetJourney.STATE.require(request), new FormErrors());
    }

    @PostMapping(CHECK_EMAIL_PAGE)
    String code(@RequestParam(name = "code", required = false) String typed, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PasswordResetJourney journey = PasswordResetJourney.STATE.require(request);
        FormErrors errors = codeEntry.check(typed, journey.email(), request, response,
                code -> reset.checkCode(journey.email(), code));
        if (!errors.isEmpty()) {
            return codeForm(model, journey, errors);
        }
        PasswordResetJourney.STATE.save(request, journey.verified());
        return "redirect:" + NEW_PASSWORD_PAGE;
    }

    @GetMapping(RESEND_PAGE)
    String resendPage(HttpServletRequest request, Model model) {
        model.addAttribute("email", PasswordResetJourney.STATE.require(request).email());
        model.addAttribute("journeyPath", EMAIL_PAGE);
        return "codes/resend-code";
    }

    @PostMapping(RESEND_PAGE)
    String resend(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        PasswordResetJourney journey = PasswordResetJourney.STATE.require(request);
        Optional<LimitedAttempt.Refused> refused = sendingRefused(journey.email(), request);
        if (refused.isPresent()) {
            return codeForm(model, journey,
                    WaitMessages.refused(response, refused.get(), CodeAnswer.FIELD, "protection.codeSending.wait"));
        }
        reset.sendCode(journey.email(), locale);
        PasswordResetJourney.STATE.save(request,
                new PasswordResetJourney(journey.email(), false, journey.required()));
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    @GetMapping(NEW_PASSWORD_PAGE)
    String newPasswordPage(HttpServletRequest request, Model model) {
        PasswordResetJourney journey = PasswordResetJourney.STATE.require(request);
        if (!journey.codeVerified()) {
            return "redirect:" + CHECK_EMAIL_PAGE;
        }
        return passwordForm(model, new FormErrors());
    }

    @PostMapping(NEW_PASSWORD_PAGE)
    String newPassword(@RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmPassword,
            HttpServletRequest request, Locale locale, Model model) {
        PasswordResetJourney journey = PasswordResetJourney.STATE.require(request);
        if (!journey.codeVerified()) {
            return "redirect:" + CHECK_EMAIL_PAGE;
        }
        FormErrors errors = NewPasswordAnswer.problems(policy, password, confirmPassword, journey.email());
        if (!errors.isEmpty()) {
            return passwordForm(model, errors);
        }
        boolean changed = reset.changePassword(journey.email(), password, locale);
        PasswordResetJourney.STATE.clear(request);
        if (!changed) {
            throw new JourneyTimedOutException(EMAIL_PAGE);
        }
        return "redirect:" + DONE_PAGE;
    }

    @GetMapping(DONE_PAGE)
    String done() {
        return "recovery/password-changed";
    }

    /** Sending a code counts every time, whether or not the address has an account. */
    private Optional<LimitedAttempt.Refused> sendingRefused(String email, HttpServletRequest request) {
        LimitedAttempt attempt = limiter.begin(LimitedAction.CODE_SENDING, email, ClientAddress.of(request));
        return attempt instanceof LimitedAttempt.Refused refused ? Optional.of(refused) : Optional.empty();
    }

    private static SignInJourney requiredReset(HttpServletRequest request) {
        SignInJourney signIn = SignInJourney.STATE.require(request);
        if (!signIn.passwordResetRequired()) {
            throw new JourneyTimedOutException("/sign-in");
        }
        return signIn;
    }

    private static String emailForm(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "recovery/email";
    }

    private String codeForm(Model model, PasswordResetJourney journey, FormErrors errors) {
        model.addAttribute("email", journey.email());
        model.addAttribute("required", journey.required());
        model.addAttribute("errors", errors);
        model.addAttribute("journeyPath", EMAIL_PAGE);
        model.addAttribute("lifetimeMinutes", reset.codeLifetime().toMinutes());
        return "codes/check-email";
    }

    private String passwordForm(Model model, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMinLength", policy.minLength());
        return "recovery/new-password";
    }
}
