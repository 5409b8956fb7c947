package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.server.logout.CitizenSessionEnding;
import dev.signet.server.logout.SessionTermination;
import dev.signet.server.sessions.CitizenSession;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.JourneyEmails;
import dev.signet.server.signin.SessionProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ending the citizen's sessions from the account page (OWASP ASVS 4.0.3 V3.3.4): one other device, every other
 * device, or everywhere (this device too). Each ends the Signet sessions, revokes the tokens services got in them and
 * tells those services by back-channel logout ({@link CitizenSessionEnding}); each is confirmed on the page and by
 * email, and audited. A session signed in longer ago than {@code signet.sessions.recent-sign-in} must type the
 * password first: a browser left signed in is not enough to throw the owner out of their other devices.
 */
@Controller
class AccountSessionsController {

    static final String SIGN_OUT_ONE = "/account/sessions/{handle}/sign-out";
    static final String SIGN_OUT_OTHERS = "/account/sessions/sign-out-others";
    static final String SIGN_OUT_EVERYWHERE = "/account/sessions/sign-out-everywhere";
    static final String SIGNED_OUT_EVERYWHERE = "/signed-out-everywhere";

    private final AccountRepository accounts;
    private final AccountSessions sessions;
    private final CitizenSessionEnding ending;
    private final CurrentPassword currentPassword;
    private final JourneyEmails emails;
    private final SessionProperties properties;
    private final Clock clock;
    private final SecurityContextLogoutHandler thisSessionLogout = new SecurityContextLogoutHandler();

    AccountSessionsController(AccountRepository accounts, AccountSessions sessions, CitizenSessionEnding ending,
            CurrentPassword currentPassword, JourneyEmails emails, SessionProperties properties, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.ending = Objects.requireNonNull(ending, "ending");
        this.currentPassword = Objects.requireNonNull(currentPassword, "currentPassword");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @GetMapping(SIGN_OUT_ONE)
    String signOutOnePage(@PathVariable String handle, Authentication authentication, HttpServletRequest request,
            Locale locale, Model model) {
        CitizenAuthentication citizen = citizen(authentication);
        Optional<CitizenSession> session = sessions.other(citizen.accountId(), handle, request);
        if (session.isEmpty()) {
            return "sessions/gone";
        }
        return confirmOne(model, citizen, session.get(), request, locale, new FormErrors());
    }

    @PostMapping(SIGN_OUT_ONE)
    String signOutOne(@PathVariable String handle,
            @RequestParam(name = CurrentPassword.FIELD, required = false) String password,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model, RedirectAttributes redirect) {
        CitizenAuthentication citizen = citizen(authentication);
        Account account = account(citizen);
        Optional<CitizenSession> session = sessions.other(account.id(), handle, request);
        if (session.isEmpty()) {
            return "sessions/gone";
        }
        FormErrors errors = proofProblems(citizen, account, password, request, response);
        if (!errors.isEmpty()) {
            return confirmOne(model, citizen, session.get(), request, locale, errors);
        }
        SessionTermination.Ended ended = ending.endOne(account.id(), session.get().id());
        emails.sendSessionsEnded(account.email(), ended.sessionsEnded(), locale);
        redirect.addFlashAttribute("changed", "sessions.changed.one");
        return "redirect:/account";
    }

    @GetMapping(SIGN_OUT_OTHERS)
    String signOutOthersPage(Authentication authentication, Model model) {
        return confirm(model, "others", SIGN_OUT_OTHERS, citizen(authentication), new FormErrors());
    }

    @PostMapping(SIGN_OUT_OTHERS)
    String signOutOthers(@RequestParam(name = CurrentPassword.FIELD, required = false) String password,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model, RedirectAttributes redirect) {
        CitizenAuthentication citizen = citizen(authentication);
        Account account = account(citizen);
        FormErrors errors = proofProblems(citizen, account, password, request, response);
        if (!errors.isEmpty()) {
            return confirm(model, "others", SIGN_OUT_OTHERS, citizen, errors);
        }
        SessionTermination.Ended ended = ending.endOthers(account.id(), request.getSession().getId());
        emails.sendSessionsEnded(account.email(), ended.sessionsEnded(), locale);
        redirect.addFlashAttribute("changed", "sessions.changed.others");
        return "redirect:/account";
    }

    @GetMapping(SIGN_OUT_EVERYWHERE)
    String signOutEverywherePage(Authentication authentication, Model model) {
        return confirm(model, "everywhere", SIGN_OUT_EVERYWHERE, citizen(authentication), new FormErrors());
    }

    @PostMapping(SIGN_OUT_EVERYWHERE)
    String signOutEverywhere(@RequestParam(name = CurrentPassword.FIELD, required = false) String password,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Locale locale,
            Model model) {
        CitizenAuthentication citizen = citizen(authentication);
        Account account = account(citizen);
        FormErrors errors = proofProblems(citizen, account, password, request, response);
        if (!errors.isEmpty()) {
            return confirm(model, "everywhere", SIGN_OUT_EVERYWHERE, citizen, errors);
        }
        SessionTermination.Ended ended = ending.endEverywhere(account.id());
        // This request's own session: invalidated through the request, so the session store does not save it back.
        thisSessionLogout.logout(request, response, authentication);
        emails.sendSessionsEnded(account.email(), ended.sessionsEnded(), locale);
        return "redirect:" + SIGNED_OUT_EVERYWHERE;
    }

    @GetMapping(SIGNED_OUT_EVERYWHERE)
    String signedOutEverywhere() {
        return "sessions/signed-out-everywhere";
    }

    /** The account was deleted while this browser was still signed in to it: nothing to end, start again. */
    @ExceptionHandler(AccountSettingsController.AccountGoneException.class)
    String accountGone(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/sign-in";
    }

    /** Whether the citizen signed in recently enough to act without typing their password again. */
    private boolean signedInRecently(CitizenAuthentication citizen) {
        return citizen.authTime().plus(properties.recentSignIn()).isAfter(clock.instant());
    }

    private FormErrors proofProblems(CitizenAuthentication citizen, Account account, String password,
            HttpServletRequest request, HttpServletResponse response) {
        return signedInRecently(citizen) ? new FormErrors()
                : currentPassword.problems(account, password, request, response);
    }

    private String confirmOne(Model model, CitizenAuthentication citizen, CitizenSession session,
            HttpServletRequest request, Locale locale, FormErrors errors) {
        AccountSessions.Row row = sessions.row(session, AccountSessions.currentSessionId(request), locale);
        model.addAttribute("device", row.device());
        model.addAttribute("lastActive", row.lastActive());
        return confirm(model, "one", "/account/sessions/" + row.handle() + "/sign-out", citizen, errors);
    }

    private String confirm(Model model, String kind, String action, CitizenAuthentication citizen,
            FormErrors errors) {
        model.addAttribute("kind", kind);
        model.addAttribute("action", action);
        model.addAttribute("passwordNeeded", !signedInRecently(citizen));
        model.addAttribute("errors", errors);
        return "sessions/confirm";
    }

    private static CitizenAuthentication citizen(Authentication authentication) {
        if (authentication instanceof CitizenAuthentication citizen) {
            return citizen;
        }
        throw new AccountSettingsController.AccountGoneException();
    }

    private Account account(CitizenAuthentication citizen) {
        return accounts.findById(citizen.accountId())
                .orElseThrow(AccountSettingsController.AccountGoneException::new);
    }
}
