package dev.signet.server.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    private final ReplacementPassword replacement;
    private final MessageSource messages;
    private final CitizenSignIn citizenSignIn;

    ImportedPasswordController(ReplacementPassword replacement, MessageSource messages, CitizenSignIn citizenSignIn) {
        this.replacement = Objects.requireNonNull(replacement, "replacement");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
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
        ReplacementPassword.Outcome outcome = replacement.replace(journey.accountId(), password, confirmPassword,
                Map.of("step", "first_sign_in_after_import", "reason", "policy"));
        if (outcome instanceof ReplacementPassword.Outcome.Refused refused) {
            return form(model, locale, journey, refused.errors());
        }
        ImportedPasswordJourney.STATE.clear(request);
        if (outcome instanceof ReplacementPassword.Outcome.AccountNotActive) {
            return "redirect:" + SignInController.EMAIL_PAGE;
        }
        return "redirect:" + citizenSignIn.signIn(journey.accountId(), request, response);
    }

    private String form(Model model, Locale locale, ImportedPasswordJourney journey, FormErrors errors) {
        return replacement.page(model, NEW_PASSWORD_PAGE, errors, messages.getMessage(
                "signin.importedPassword.reason." + journey.refusedFor().name(), null, locale), null);
    }
}
