package dev.signet.server.migration;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.links.LinkMethod;
import dev.signet.server.account.CurrentPassword;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.JourneyTimedOutException;
import dev.signet.server.signin.SessionProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Link another old account" from the account page: the signed-in citizen chooses an old system and signs in to it
 * once, on the same pages and under the same attempt limits as "sign in with an account you already have", and the
 * old account is linked to the account they are signed in to. Like ending sessions, a citizen who signed in longer
 * ago than {@code signet.sessions.recent-sign-in} types their Signet password first: a browser left signed in is not
 * enough to attach someone else's old account. An old account already linked to another Signet account is never
 * moved: merging accounts is not built, so the citizen is told to contact support.
 */
@Controller
class LinkOldAccountController {

    static final String CHOOSE_PAGE = AccountLinkJourney.START;
    static final String SIGN_IN_PAGE = CHOOSE_PAGE + "/sign-in";
    private static final OldSystemPurpose PURPOSE = OldSystemPurpose.LINK_TO_ACCOUNT;
    private static final String CURRENT_PASSWORD = CurrentPassword.FIELD;

    private final ConnectorChoices connectors;
    private final OldSystemPages pages;
    private final LegacyPasswordCheck legacyCheck;
    private final AccountLinking linking;
    private final AccountRepository accounts;
    private final CurrentPassword currentPassword;
    private final SessionProperties sessions;
    private final Clock clock;

    LinkOldAccountController(ConnectorChoices connectors, OldSystemPages pages, LegacyPasswordCheck legacyCheck,
            AccountLinking linking, AccountRepository accounts, CurrentPassword currentPassword,
            SessionProperties sessions, Clock clock) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.legacyCheck = Objects.requireNonNull(legacyCheck, "legacyCheck");
        this.linking = Objects.requireNonNull(linking, "linking");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.currentPassword = Objects.requireNonNull(currentPassword, "currentPassword");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // --- Which old system (and, after a while, the Signet password) -----------------------------------------------

    @GetMapping(CHOOSE_PAGE)
    String choosePage(Authentication authentication, HttpServletRequest request, Locale locale, Model model) {
        if (!connectors.offered()) {
            return "redirect:" + PURPOSE.exitPath();
        }
        CitizenAuthentication citizen = citizen(authentication);
        String chosen = AccountLinkJourney.STATE.find(request).map(AccountLinkJourney::connectorId).orElse(null);
        return chooseForm(model, locale, citizen, chosen, new FormErrors());
    }

    @PostMapping(CHOOSE_PAGE)
    String choose(@RequestParam(name = OldSystemPages.CONNECTOR, required = false) String connectorId,
            @RequestParam(name = CURRENT_PASSWORD, required = false) String password, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        CitizenAuthentication citizen = citizen(authentication);
        Optional<Account> account = accounts.findById(citizen.accountId());
        if (account.isEmpty()) {
            return "redirect:" + PURPOSE.exitPath();
        }
        FormErrors errors = new FormErrors();
        if (connectors.passwordConnector(connectorId).isEmpty()) {
            errors.add(OldSystemPages.CONNECTOR, "migration.choose.error.missing");
        }
        if (!signedInRecently(citizen)) {
            currentPassword.problems(account.get(), password, request, response).getAll()
                    .forEach(e -> errors.add(e.field(), e.messageKey(), e.arguments()));
        }
        if (!errors.isEmpty()) {
            return chooseForm(model, locale, citizen, connectorId, errors);
        }
        AccountLinkJourney.STATE.save(request, new AccountLinkJourney(citizen.accountId(), connectorId));
        return "redirect:" + SIGN_IN_PAGE;
    }

    // --- The old system's user name and password ------------------------------------------------------------------

    @GetMapping(SIGN_IN_PAGE)
    String signInPage(Authentication authentication, HttpServletRequest request, Locale locale, Model model) {
        AccountLinkJourney journey = journey(authentication, request);
        return pages.signInForm(model, locale, PURPOSE, journey.connectorId(), "", new FormErrors());
    }

    @PostMapping(SIGN_IN_PAGE)
    String signIn(@RequestParam(name = OldSystemPages.LOGIN_NAME, required = false) String typedLogin,
            @RequestParam(name = OldSystemPages.PASSWORD, required = false) String password,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model, RedirectAttributes redirect) {
        AccountLinkJourney journey = journey(authentication, request);
        String connectorId = journey.connectorId();
        String loginName = typedLogin == null ? "" : typedLogin.strip();
        FormErrors missing = OldSystemPages.missingDetails(loginName, password);
        if (!missing.isEmpty()) {
            return pages.signInForm(model, locale, PURPOSE, connectorId, loginName, missing);
        }
        LegacyCheck check = legacyCheck.check(connectorId, loginName, password, ClientAddress.of(request));
        Optional<FormErrors> refused = OldSystemPages.refusal(check, response);
        if (refused.isPresent()) {
            return pages.signInForm(model, locale, PURPOSE, connectorId, loginName, refused.get());
        }
        if (check instanceof LegacyCheck.LegacyUnavailable) {
            return pages.unavailablePage(model, locale, PURPOSE, connectorId);
        }
        AccountLinkJourney.STATE.clear(request);
        model.addAttribute("systemName", pages.systemName(connectorId, locale));
        if (check instanceof LegacyCheck.Linked linked) {
            return linked.accountId().equals(journey.accountId()) ? "migration/link-already"
                    : "migration/link-conflict";
        }
        LegacyCheck.NotLinked notLinked = (LegacyCheck.NotLinked) check;
        // Nothing about the email address is needed: the account is the signed-in one, proven by the sign-in.
        OldAccountJourney.PendingLink pending = new OldAccountJourney.PendingLink(notLinked.identity().subject(),
                null, OldAccountJourney.EmailProof.NONE, notLinked.passwordHash().orElse(null));
        AccountLinking.Result result = linking.linkExisting(journey.accountId(), connectorId, pending,
                LinkMethod.SIGNED_IN, locale);
        if (result instanceof AccountLinking.Result.Linked) {
            redirect.addFlashAttribute("changed", "migration.link.changed");
            return "redirect:" + PURPOSE.exitPath();
        }
        // Linked to another account between the check and the link (the only other outcome when no account is made).
        return "migration/link-conflict";
    }

    private AccountLinkJourney journey(Authentication authentication, HttpServletRequest request) {
        AccountLinkJourney journey = AccountLinkJourney.STATE.require(request);
        if (!journey.accountId().equals(citizen(authentication).accountId())) {
            // Started for another account in this browser: begin again as the one signed in now.
            AccountLinkJourney.STATE.clear(request);
            throw new JourneyTimedOutException(CHOOSE_PAGE);
        }
        return journey;
    }

    private boolean signedInRecently(CitizenAuthentication citizen) {
        return citizen.authTime().plus(sessions.recentSignIn()).isAfter(clock.instant());
    }

    private String chooseForm(Model model, Locale locale, CitizenAuthentication citizen, String chosen,
            FormErrors errors) {
        model.addAttribute("passwordNeeded", !signedInRecently(citizen));
        return pages.chooseForm(model, locale, PURPOSE, chosen, errors);
    }

    private static CitizenAuthentication citizen(Authentication authentication) {
        if (authentication instanceof CitizenAuthentication citizen) {
            return citizen;
        }
        // /account/** needs a signed-in citizen (WebSecurityConfiguration); anything else is a configuration fault.
        throw new IllegalStateException("The account pages need a signed-in citizen");
    }
}
