package dev.signet.server.migration;

import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.NewPasswordAnswer;
import dev.signet.server.signin.ReplacementPassword;
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
 * "Choose a new password", after signing in with an old account whose password did not meet Signet's rules. The old
 * account is already linked; the citizen is signed in once the new password (checked as at sign-up) is stored. A
 * citizen who leaves instead has an account without a password: signing in with the old account again brings them
 * back here, and "Forgotten your password?" sets one with a code sent to the account's address.
 */
@Controller
class NewPasswordController {

    static final String NEW_PASSWORD_PAGE = OldAccountJourney.START + "/new-password";

    private final ReplacementPassword replacement;
    private final OldSystemPages pages;
    private final MessageSource messages;
    private final CitizenSignIn citizenSignIn;

    NewPasswordController(ReplacementPassword replacement, OldSystemPages pages, MessageSource messages,
            CitizenSignIn citizenSignIn) {
        this.replacement = Objects.requireNonNull(replacement, "replacement");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
    }

    @GetMapping(NEW_PASSWORD_PAGE)
    String page(HttpServletRequest request, Locale locale, Model model) {
        return form(model, locale, NewPasswordJourney.STATE.require(request), new FormErrors());
    }

    @PostMapping(NEW_PASSWORD_PAGE)
    String choose(@RequestParam(name = NewPasswordAnswer.PASSWORD, required = false) String password,
            @RequestParam(name = NewPasswordAnswer.CONFIRM, required = false) String confirmPassword,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        NewPasswordJourney journey = NewPasswordJourney.STATE.require(request);
        ReplacementPassword.Outcome outcome = replacement.replace(journey.accountId(), password, confirmPassword,
                Map.of("connector", journey.connectorId(), "reason", "policy"));
        if (outcome instanceof ReplacementPassword.Outcome.Refused refused) {
            return form(model, locale, journey, refused.errors());
        }
        NewPasswordJourney.STATE.clear(request);
        if (outcome instanceof ReplacementPassword.Outcome.AccountNotActive) {
            return "redirect:" + OldAccountJourney.START;
        }
        return "redirect:" + citizenSignIn.signIn(journey.accountId(), request, response);
    }

    /** The sign-up password page, with why a new password is needed and that the old account is linked. */
    private String form(Model model, Locale locale, NewPasswordJourney journey, FormErrors errors) {
        String systemName = pages.systemName(journey.connectorId(), locale);
        return replacement.page(model, NEW_PASSWORD_PAGE, errors,
                messages.getMessage("migration.newPassword.reason." + journey.refusedFor().name(),
                        new Object[] {systemName}, locale),
                messages.getMessage("migration.newPassword.linked", new Object[] {systemName}, locale));
    }
}
