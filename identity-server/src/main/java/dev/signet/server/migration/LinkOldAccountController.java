package dev.signet.server.migration;

import dev.signet.connector.Redirect;
import dev.signet.connector.RedirectStartOutcome;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Link another old account" from the account page: the signed-in citizen chooses an old system and signs in to it
 * once, on the same pages and under the same attempt limits as "sign in with an account you already have", and the
 * old account is linked to the account they are signed in to. Like ending sessions, a citizen who signed in longer
 * ago than {@code signet.sessions.recent-sign-in} types their Signet password first: a browser left signed in is not
 * enough to attach someone else's old account. An old account already linked to another Signet account is never
 * moved on its own: the citizen is offered to join the two accounts ({@link JoinAccountsController}).
 */
@Controller
class LinkOldAccountController {

    static final String CHOOSE_PAGE = AccountLinkJourney.START;
    static final String SIGN_IN_PAGE = CHOOSE_PAGE + "/sign-in";
    /**
     * Where {@link OldAccountController} forwards an upstream provider's answer that belongs to a link journey: the
     * provider sends every answer to the one callback address registered for the connector.
     */
    static final String CALLBACK_PATH = CHOOSE_PAGE + "/callback/";
    private static final OldSystemPurpose PURPOSE = OldSystemPurpose.LINK_TO_ACCOUNT;
    private static final String CURRENT_PASSWORD = CurrentPassword.FIELD;

    private final ConnectorChoices connectors;
    private final OldSystemPages pages;
    private final LegacyPasswordCheck legacyCheck;
    private final LegacyRedirectSignIn redirectSignIn;
    private final AccountLinking linking;
    private final AccountRepository accounts;
    private final CurrentPassword currentPassword;
    private final SessionProperties sessions;
    private final Clock clock;

    LinkOldAccountController(ConnectorChoices connectors, OldSystemPages pages, LegacyPasswordCheck legacyCheck,
            LegacyRedirectSignIn redirectSignIn, AccountLinking linking, AccountRepository accounts, CurrentPassword currentPassword,
            SessionProperties sessions, Clock clock) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.legacyCheck = Objects.requireNonNull(legacyCheck, "legacyCheck");
        this.redirectSignIn = Objects.requireNonNull(redirectSignIn, "redirectSignIn");
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
        boolean upstream = connectors.redirectConnector(connectorId).isPresent();
        if (connectors.passwordConnector(connectorId).isEmpty() && !upstream) {
            errors.add(OldSystemPages.CONNECTOR, "migration.choose.error.missing");
        }
        if (!signedInRecently(citizen)) {
            currentPassword.problems(account.get(), password, request, response).getAll()
                    .forEach(e -> errors.add(e.field(), e.messageKey(), e.arguments()));
        }
        if (!errors.isEmpty()) {
            return chooseForm(model, locale, citizen, connectorId, errors);
        }
        if (upstream) {
            return startUpstream(citizen, connectorId, request, locale, model);
        }
        AccountLinkJourney.STATE.save(request, new AccountLinkJourney(citizen.accountId(), connectorId));
        return "redirect:" + SIGN_IN_PAGE;
    }

    // --- An old system that is an upstream provider: away and back --------------------------------------------------

    /** Sends the browser to the upstream provider; the state it must bring back waits in this session's journey. */
    private String startUpstream(CitizenAuthentication citizen, String connectorId, HttpServletRequest request,
            Locale locale, Model model) {
        String state = UpstreamState.fresh();
        RedirectStartOutcome outcome = redirectSignIn.start(connectorId, state);
        if (outcome instanceof Redirect redirect) {
            AccountLinkJourney.STATE.save(request, new AccountLinkJourney(citizen.accountId(), connectorId,
                    new OldAccountJourney.UpstreamSignIn(state, redirect.connectorState())));
            return "redirect:" + redirect.location();
        }
        return pages.unavailablePage(model, locale, PURPOSE, connectorId);
    }

    /**
     * The provider's answer, forwarded from the connector's callback address ({@code
     * /sign-in/old-account/callback/<connector id>}) when its {@code state} is this link journey's. Counts once.
     */
    @GetMapping(CALLBACK_PATH + "{connectorId}")
    String upstreamCallback(@PathVariable("connectorId") String connectorId, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
            RedirectAttributes redirect) {
        AccountLinkJourney journey = journey(authentication, request);
        OldAccountJourney.UpstreamSignIn upstream = journey.upstream();
        if (upstream == null || !journey.connectorId().equals(connectorId)
                || connectors.redirectConnector(connectorId).isEmpty()) {
            throw new JourneyTimedOutException(CHOOSE_PAGE);
        }
        // Used once: a replayed answer finds no sign-in under way.
        AccountLinkJourney.STATE.clear(request);
        LegacyCheck check = UpstreamState.matches(upstream.state(), request.getParameter("state"))
                ? redirectSignIn.finish(connectorId, request.getParameterMap().entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))),
                        upstream.connectorState())
                : redirectSignIn.refused(connectorId);
        if (check instanceof LegacyCheck.WrongDetails) {
            return chooseForm(model, locale, citizen(authentication), connectorId,
                    new FormErrors().add(OldSystemPages.CONNECTOR, "migration.choose.error.upstreamRefused"));
        }
        return afterCheck(check, journey, request, locale, model, redirect);
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
        return afterCheck(check, journey, request, locale, model, redirect);
    }

    /** After the old system has answered, whichever way it was asked. */
    private String afterCheck(LegacyCheck check, AccountLinkJourney journey, HttpServletRequest request,
            Locale locale, Model model, RedirectAttributes redirect) {
        String connectorId = journey.connectorId();
        if (check instanceof LegacyCheck.LegacyUnavailable) {
            return pages.unavailablePage(model, locale, PURPOSE, connectorId);
        }
        AccountLinkJourney.STATE.clear(request);
        model.addAttribute("systemName", pages.systemName(connectorId, locale));
        if (check instanceof LegacyCheck.Linked linked) {
            if (linked.accountId().equals(journey.accountId())) {
                return "migration/link-already";
            }
            // Held by another Signet account: the citizen may join the two by proving that one too.
            AccountJoinJourney.STATE.save(request, AccountJoinJourney.start(journey.accountId(), linked.accountId(),
                    connectorId));
            return "redirect:" + JoinAccountsController.JOIN_PAGE;
        }
        LegacyCheck.NotLinked notLinked = (LegacyCheck.NotLinked) check;
        // Nothing about the email address is needed: the account is the signed-in one, proven by the sign-in.
        OldAccountJourney.PendingLink pending = OldAccountJourney.PendingLink.of(notLinked, null,
                OldAccountJourney.EmailProof.NONE);
        AccountLinking.Result result = linking.linkExisting(journey.accountId(), connectorId, pending,
                LinkMethod.SIGNED_IN, locale);
        if (result instanceof AccountLinking.Result.Linked) {
            redirect.addFlashAttribute("changed", "migration.link.changed");
            return "redirect:" + PURPOSE.exitPath();
        }
        if (result instanceof AccountLinking.Result.AccountMerged) {
            // The signed-in account was merged away meanwhile: its session is ending too.
            model.addAttribute("merged", true);
            return "signin/account-unavailable";
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
