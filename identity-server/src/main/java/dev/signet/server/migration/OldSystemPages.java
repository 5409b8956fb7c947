package dev.signet.server.migration;

import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The pages shared by signing in with an old account and adding one from the account page: choosing the old system,
 * typing its user name and password, and what a refused check shows. One wording and one set of limits for both.
 */
@Component
class OldSystemPages {

    static final String CONNECTOR = "connector";
    static final String LOGIN_NAME = "loginName";
    static final String PASSWORD = "password";

    private final ConnectorChoices connectors;

    OldSystemPages(ConnectorChoices connectors) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
    }

    /** The errors of a sign-in form with a field left empty; none when both are given. */
    static FormErrors missingDetails(String loginName, String password) {
        FormErrors missing = new FormErrors();
        if (loginName.isEmpty()) {
            missing.add(LOGIN_NAME, "migration.signIn.error.loginNameMissing");
        }
        if (password == null || password.isEmpty()) {
            missing.add(PASSWORD, "migration.signIn.error.passwordMissing");
        }
        return missing;
    }

    /** The form errors of a check that refused the details (too many attempts, wrong details); empty otherwise. */
    static Optional<FormErrors> refusal(LegacyCheck check, HttpServletResponse response) {
        if (check instanceof LegacyCheck.TooManyAttempts tooMany) {
            return Optional.of(WaitMessages.refused(response, new LimitedAttempt.Refused(tooMany.retryAfter(), false),
                    PASSWORD, "protection.signIn.wait"));
        }
        if (check instanceof LegacyCheck.WrongDetails) {
            return Optional.of(new FormErrors().add(PASSWORD, "migration.signIn.error.invalid"));
        }
        return Optional.empty();
    }

    String chooseForm(Model model, Locale locale, OldSystemPurpose purpose, String chosen, FormErrors errors) {
        purpose(model, purpose);
        model.addAttribute("choices", connectors.choices(locale));
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "migration/choose";
    }

    String signInForm(Model model, Locale locale, OldSystemPurpose purpose, String connectorId, String loginName,
            FormErrors errors) {
        purpose(model, purpose);
        model.addAttribute("systemName", systemName(connectorId, locale));
        model.addAttribute("loginName", loginName);
        model.addAttribute("errors", errors);
        return "migration/sign-in";
    }

    String unavailablePage(Model model, Locale locale, OldSystemPurpose purpose, String connectorId) {
        purpose(model, purpose);
        model.addAttribute("systemName", systemName(connectorId, locale));
        return "migration/unavailable";
    }

    /** The old system's name in the page's language; its id when it is no longer declared. */
    String systemName(String connectorId, Locale locale) {
        return connectors.instance(connectorId).map(instance -> instance.displayName(locale.getLanguage()))
                .orElse(connectorId);
    }

    private static void purpose(Model model, OldSystemPurpose purpose) {
        // Plain values for the templates: the enum itself is not public.
        model.addAttribute("linking", purpose == OldSystemPurpose.LINK_TO_ACCOUNT);
        model.addAttribute("chooseAction", purpose.choosePath());
        model.addAttribute("signInAction", purpose.signInPath());
        model.addAttribute("exitPath", purpose.exitPath());
    }
}
