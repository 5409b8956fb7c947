package dev.signet.server.migration;

import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.Redirect;
import dev.signet.connector.RedirectStartOutcome;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.EmailAddress;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.password.PasswordProblem;
import dev.signet.server.migration.OldAccountJourney.EmailProof;
import dev.signet.server.migration.OldAccountJourney.PendingLink;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.LimitedCodeEntry;
import dev.signet.server.signin.PasswordSignIn;
import dev.signet.server.signin.SignInJourney;
import dev.signet.server.signin.SignInOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sign in with an account you already have": choose the old system, sign in with its login name and password (or at
 * the old system itself, when it is an upstream provider that sends the citizen back here), and
 * either reach the Signet account already linked to it, or get one in the same journey:
 * <ol>
 *   <li>the email address comes from the old record and is used only once proven, by a code sent to it or because
 *       the old system vouches for it; the citizen may give another address instead (proven the same way);</li>
 *   <li>when no Signet account has the address, one is created with the old password (rehashed for Signet), or
 *       with no Signet password after an upstream sign-in, and linked;</li>
 *   <li>an old password that does not meet Signet's rules is not carried over: once linked, the citizen chooses a
 *       new one ({@link NewPasswordController}) before being signed in;</li>
 *   <li>when one has, nothing is linked until the citizen proves control of it (its Signet password, or a code sent to
 *       the address) and confirms.</li>
 * </ol>
 * Wrong details get the same message as a wrong Signet password, under the same attempt limits.
 */
@Controller
class OldAccountController {

    static final String CHOOSE_PAGE = OldAccountJourney.START;
    static final String SIGN_IN_PAGE = CHOOSE_PAGE + "/sign-in";
    static final String EMAIL_PAGE = CHOOSE_PAGE + "/email";
    static final String CHECK_EMAIL_PAGE = EMAIL_PAGE + "/check-email";
    static final String RESEND_PAGE = EMAIL_PAGE + "/resend-code";
    static final String EXISTING_PAGE = CHOOSE_PAGE + "/existing-account";
    static final String EXISTING_CODE = EXISTING_PAGE + "/send-code";
    static final String EXISTING_CONFIRM = EXISTING_PAGE + "/confirm";
    static final String CALLBACK_PAGE = LegacyRedirectSignIn.CALLBACK_PATH + "{connectorId}";
    private static final String RESET_REQUIRED_PAGE = "/reset-password/required";
    private static final String CONNECTOR = OldSystemPages.CONNECTOR;
    private static final String LOGIN_NAME = OldSystemPages.LOGIN_NAME;
    private static final String PASSWORD = OldSystemPages.PASSWORD;
    private static final OldSystemPurpose PURPOSE = OldSystemPurpose.SIGN_IN;
    private static final String EMAIL = "email";

    private final ConnectorChoices connectors;
    private final OldSystemPages pages;
    private final LegacyPasswordCheck legacyCheck;
    private final LegacyRedirectSignIn redirectSignIn;
    private final AccountLinking linking;
    private final OldAccountCodes codes;
    private final AccountRepository accounts;
    private final PasswordSignIn passwordSignIn;
    private final CitizenSignIn citizenSignIn;
    private final AttemptLimiter limiter;
    private final LimitedCodeEntry codeEntry;

    OldAccountController(ConnectorChoices connectors, OldSystemPages pages, LegacyPasswordCheck legacyCheck,
            LegacyRedirectSignIn redirectSignIn, AccountLinking linking, OldAccountCodes codes,
            AccountRepository accounts, PasswordSignIn passwordSignIn, CitizenSignIn citizenSignIn,
            AttemptLimiter limiter, LimitedCodeEntry codeEntry) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.legacyCheck = Objects.requireNonNull(legacyCheck, "legacyCheck");
        this.redirectSignIn = Objects.requireNonNull(redirectSignIn, "redirectSignIn");
        this.linking = Objects.requireNonNull(linking, "linking");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.passwordSignIn = Objects.requireNonNull(passwordSignIn, "passwordSignIn");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.codeEntry = Objects.requireNonNull(codeEntry, "codeEntry");
    }

    // --- Which old system -------------------------------------------------------------------------------------------

    @GetMapping(CHOOSE_PAGE)
    String choosePage(HttpServletRequest request, Locale locale, Model model) {
        if (!connectors.offered()) {
            // No old system is declared: there is nothing to choose, so the citizen signs in the usual way.
            return "redirect:/sign-in";
        }
        String chosen = OldAccountJourney.STATE.find(request).map(OldAccountJourney::connectorId).orElse(null);
        return pages.chooseForm(model, locale, PURPOSE, chosen, new FormErrors());
    }

    @PostMapping(CHOOSE_PAGE)
    String choose(@RequestParam(name = CONNECTOR, required = false) String connectorId, HttpServletRequest request,
            Locale locale, Model model) {
        if (connectors.redirectConnector(connectorId).isPresent()) {
            return startUpstream(connectorId, request, locale, model);
        }
        if (connectors.passwordConnector(connectorId).isEmpty()) {
            return pages.chooseForm(model, locale, PURPOSE, null,
                    new FormErrors().add(CONNECTOR, "migration.choose.error.missing"));
        }
        OldAccountJourney.STATE.save(request, new OldAccountJourney(connectorId, null));
        return "redirect:" + SIGN_IN_PAGE;
    }

    // --- An old system that is an upstream provider: away and back --------------------------------------------------

    /** Sends the browser to the upstream provider; what the callback needs stays in the session. */
    private String startUpstream(String connectorId, HttpServletRequest request, Locale locale, Model model) {
        String state = UpstreamState.fresh();
        RedirectStartOutcome outcome = redirectSignIn.start(connectorId, state);
        if (outcome instanceof Redirect redirect) {
            OldAccountJourney.STATE.save(request, new OldAccountJourney(connectorId, null,
                    new OldAccountJourney.UpstreamSignIn(state, redirect.connectorState())));
            return "redirect:" + redirect.location();
        }
        return pages.unavailablePage(model, locale, PURPOSE, connectorId);
    }

    /**
     * The upstream provider's answer. The address to register at the provider is
     * {@code <issuer>/sign-in/old-account/callback/<connector id>}. The answer counts only for the sign-in this journey
     * started: same connector, same {@code state}, once.
     */
    @GetMapping(CALLBACK_PAGE)
    String upstreamCallback(@PathVariable("connectorId") String connectorId, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        // One callback address per connector: an answer to a signed-in citizen's "Link another old account" carries
        // that journey's state, and is handled there.
        boolean forLinking = AccountLinkJourney.STATE.find(request).map(AccountLinkJourney::upstream)
                .filter(linking -> UpstreamState.matches(linking.state(), request.getParameter("state")))
                .isPresent();
        if (forLinking) {
            return "forward:" + LinkOldAccountController.CALLBACK_PATH + connectorId;
        }
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        OldAccountJourney.UpstreamSignIn upstream = journey.upstream();
        if (upstream == null || !journey.connectorId().equals(connectorId)
                || connectors.redirectConnector(connectorId).isEmpty()) {
            throw new dev.signet.server.signin.JourneyTimedOutException(CHOOSE_PAGE);
        }
        // Used once: a replayed callback finds no sign-in under way.
        OldAccountJourney.STATE.save(request, new OldAccountJourney(connectorId, null));
        LegacyCheck check = UpstreamState.matches(upstream.state(), request.getParameter("state"))
                ? redirectSignIn.finish(connectorId, request.getParameterMap().entrySet().stream().collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))),
                        upstream.connectorState())
                : redirectSignIn.refused(connectorId);
        if (check instanceof LegacyCheck.WrongDetails) {
            return pages.chooseForm(model, locale, PURPOSE, connectorId,
                    new FormErrors().add(CONNECTOR, "migration.choose.error.upstreamRefused"));
        }
        return afterCheck(check, journey, request, response, locale, model);
    }

    // --- The old system's login name and password ----------------------------------------------------------------

    @GetMapping(SIGN_IN_PAGE)
    String signInPage(HttpServletRequest request, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        return signInForm(model, locale, journey, "", new FormErrors());
    }

    @PostMapping(SIGN_IN_PAGE)
    String signIn(@RequestParam(name = LOGIN_NAME, required = false) String typedLogin,
            @RequestParam(name = PASSWORD, required = false) String password, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        String loginName = typedLogin == null ? "" : typedLogin.strip();
        FormErrors missing = OldSystemPages.missingDetails(loginName, password);
        if (!missing.isEmpty()) {
            return signInForm(model, locale, journey, loginName, missing);
        }
        LegacyCheck check = legacyCheck.check(journey.connectorId(), loginName, password, ClientAddress.of(request));
        Optional<FormErrors> refused = OldSystemPages.refusal(check, response);
        if (refused.isPresent()) {
            return signInForm(model, locale, journey, loginName, refused.get());
        }
        return afterCheck(check, journey, request, response, locale, model);
    }

    /** After the old system has answered, whichever way it was asked: the same steps for every connector type. */
    private String afterCheck(LegacyCheck check, OldAccountJourney journey, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        if (check instanceof LegacyCheck.LegacyUnavailable) {
            return pages.unavailablePage(model, locale, PURPOSE, journey.connectorId());
        }
        if (check instanceof LegacyCheck.Linked linked) {
            OldAccountJourney.STATE.clear(request);
            return signInAs(linked.accountId(), journey.connectorId(), linked.newPasswordNeeded(), request, response,
                    model);
        }
        LegacyCheck.NotLinked notLinked = (LegacyCheck.NotLinked) check;
        LegacyIdentity identity = notLinked.identity();
        Optional<String> vouched = Optional.ofNullable(identity.verifiedAttributes().get(EMAIL))
                .flatMap(EmailAddress::parse);
        if (vouched.isPresent()) {
            OldAccountJourney next = journey.with(PendingLink.of(notLinked, vouched.get(),
                    EmailProof.VOUCHED_BY_CONNECTOR));
            OldAccountJourney.STATE.save(request, next);
            return afterEmailProven(next, request, response, locale, model);
        }
        // An unverified address is only a suggestion: the citizen confirms or corrects it, then proves it.
        String suggested = Optional.ofNullable(identity.unverifiedAttributes().get(EMAIL)).flatMap(EmailAddress::parse)
                .orElse(null);
        OldAccountJourney.STATE.save(request, journey.with(PendingLink.of(notLinked, suggested, EmailProof.NONE)));
        return "redirect:" + EMAIL_PAGE;
    }

    // --- The email address of the Signet account, proven with a code ----------------------------------------------

    @GetMapping(EMAIL_PAGE)
    String emailPage(HttpServletRequest request, Model model) {
        PendingLink pending = requirePending(request);
        return emailForm(model, pending, pending.email() == null ? "" : pending.email(), new FormErrors());
    }

    @PostMapping(EMAIL_PAGE)
    String email(@RequestParam(name = EMAIL, required = false) String typed, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        PendingLink pending = requirePending(request);
        Optional<String> email = EmailAddress.parse(typed);
        if (email.isEmpty()) {
            return emailForm(model, pending, typed, new FormErrors().add(EMAIL,
                    typed == null || typed.isBlank() ? "email.error.missing" : "email.error.format"));
        }
        if (limiter.begin(LimitedAction.CODE_SENDING, email.get(), ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused) {
            return emailForm(model, pending, typed,
                    WaitMessages.refused(response, refused, EMAIL, "protection.codeSending.wait"));
        }
        OldAccountJourney next = journey.with(journey.pending().withEmail(email.get(), EmailProof.NONE));
        codes.send(next, email.get(), locale);
        OldAccountJourney.STATE.save(request, next);
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    @GetMapping(CHECK_EMAIL_PAGE)
    String checkEmailPage(HttpServletRequest request, Model model) {
        return codeForm(model, requireEmail(request), new FormErrors());
    }

    @PostMapping(CHECK_EMAIL_PAGE)
    String checkEmail(@RequestParam(name = CodeAnswer.FIELD, required = false) String typed,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        String email = requireEmail(request);
        FormErrors errors = codeEntry.check(typed, email, request, response,
                code -> codes.check(journey, email, code));
        if (!errors.isEmpty()) {
            return codeForm(model, email, errors);
        }
        OldAccountJourney next = journey.with(journey.pending().withEmail(email, EmailProof.CODE));
        OldAccountJourney.STATE.save(request, next);
        return afterEmailProven(next, request, response, locale, model);
    }

    @GetMapping(RESEND_PAGE)
    String resendPage(HttpServletRequest request, Model model) {
        model.addAttribute("email", requireEmail(request));
        model.addAttribute("journeyPath", EMAIL_PAGE);
        return "codes/resend-code";
    }

    @PostMapping(RESEND_PAGE)
    String resend(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        String email = requireEmail(request);
        if (limiter.begin(LimitedAction.CODE_SENDING, email, ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused) {
            return codeForm(model, email,
                    WaitMessages.refused(response, refused, CodeAnswer.FIELD, "protection.codeSending.wait"));
        }
        codes.send(journey, email, locale);
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    // --- The address already has a Signet account: prove control, then link ---------------------------------------

    @GetMapping(EXISTING_PAGE)
    String existingPage(HttpServletRequest request, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        requireProvenEmail(request);
        return existingForm(model, locale, journey, new FormErrors());
    }

    /** Control proven with the existing account's Signet password (checked as at sign-in, under its limits). */
    @PostMapping(EXISTING_PAGE)
    String existingWithPassword(@RequestParam(name = PASSWORD, required = false) String password,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        PendingLink pending = requireProvenEmail(request);
        if (password == null || password.isEmpty()) {
            return existingForm(model, locale, journey,
                    new FormErrors().add(PASSWORD, "signin.password.error.missing"));
        }
        SignInOutcome outcome = passwordSignIn.signIn(pending.email(), password, ClientAddress.of(request), locale);
        if (outcome instanceof SignInOutcome.TooManyAttempts tooMany) {
            return existingForm(model, locale, journey, WaitMessages.refused(response,
                    new LimitedAttempt.Refused(tooMany.retryAfter(), tooMany.lockedOut()), PASSWORD,
                    "protection.signIn.wait"));
        }
        if (outcome instanceof SignInOutcome.InvalidCredentials) {
            return existingForm(model, locale, journey,
                    new FormErrors().add(PASSWORD, "migration.existing.error.invalid"));
        }
        if (outcome instanceof SignInOutcome.Unavailable unavailable) {
            OldAccountJourney.STATE.clear(request);
            model.addAttribute("blocked", unavailable.blocked());
            return "signin/account-unavailable";
        }
        if (outcome instanceof SignInOutcome.Merged) {
            // The address belongs to an account merged into another: nothing is linked to it.
            OldAccountJourney.STATE.clear(request);
            model.addAttribute("merged", true);
            return "signin/account-unavailable";
        }
        // SignedIn, or ResetRequired: either way the right password proves control of the account.
        UUID accountId = accounts.findByEmail(pending.email()).map(Account::id).orElseThrow();
        return link(journey, accountId, LinkMethod.SIGNET_PASSWORD, request, response, locale, model);
    }

    /** Control to be proven with a code to the existing account's address instead of its password. */
    @PostMapping(EXISTING_CODE)
    String existingWithCode(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        PendingLink pending = requireProvenEmail(request);
        if (limiter.begin(LimitedAction.CODE_SENDING, pending.email(), ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused) {
            return existingForm(model, locale, journey,
                    WaitMessages.refused(response, refused, PASSWORD, "protection.codeSending.wait"));
        }
        codes.send(journey, pending.email(), locale);
        return "redirect:" + CHECK_EMAIL_PAGE;
    }

    /** The citizen has typed a code sent to the existing account's address and now asks for the link. */
    @PostMapping(EXISTING_CONFIRM)
    String existingConfirm(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        OldAccountJourney journey = OldAccountJourney.STATE.require(request);
        PendingLink pending = requireProvenEmail(request);
        Optional<Account> existing = accounts.findByEmail(pending.email());
        if (pending.emailProof() != EmailProof.CODE || existing.isEmpty()) {
            return "redirect:" + EXISTING_PAGE;
        }
        return link(journey, existing.get().id(), LinkMethod.EMAIL_CODE, request, response, locale, model);
    }

    // --- Shared steps --------------------------------------------------------------------------------------------

    /** With a proven address: a new account when it has none, otherwise the page that proves control of it. */
    private String afterEmailProven(OldAccountJourney journey, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        if (accounts.findByEmail(journey.pending().email()).isPresent()) {
            return "redirect:" + EXISTING_PAGE;
        }
        AccountLinking.Result result = linking.createAccount(journey.connectorId(), journey.pending(), locale);
        return finish(result, journey, request, response, model);
    }

    private String link(OldAccountJourney journey, UUID accountId, LinkMethod method, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        AccountLinking.Result result = linking.linkExisting(accountId, journey.connectorId(), journey.pending(),
                method, locale);
        return finish(result, journey, request, response, model);
    }

    private String finish(AccountLinking.Result result, OldAccountJourney journey, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (result instanceof AccountLinking.Result.EmailTaken) {
            // Another account took the address meanwhile: its owner must prove control like any existing account.
            return "redirect:" + EXISTING_PAGE;
        }
        OldAccountJourney.STATE.clear(request);
        if (result instanceof AccountLinking.Result.LinkedElsewhere) {
            return "migration/linked-elsewhere";
        }
        if (result instanceof AccountLinking.Result.AccountMerged) {
            // Proven by a code to an address that stays with a merged account: it takes no links, nor signs in.
            model.addAttribute("merged", true);
            return "signin/account-unavailable";
        }
        UUID accountId = ((AccountLinking.Result.Linked) result).accountId();
        // Linked either way; when the old password was refused and the account has none, the citizen chooses one.
        Optional<PasswordProblem> newPasswordNeeded = journey.pending().refusedPassword().filter(refused -> accounts
                .findById(accountId).flatMap(Account::passwordHash).isEmpty());
        return signInAs(accountId, journey.connectorId(), newPasswordNeeded, request, response, model);
    }

    /**
     * Signs in as the account, as a password sign-in does, unless an intervention stops it; first, when the old
     * password was refused for the account's Signet password, the citizen chooses a new one.
     */
    private String signInAs(UUID accountId, String connectorId, Optional<PasswordProblem> newPasswordNeeded,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Account> account = accounts.findById(accountId);
        if (account.isEmpty()) {
            return "redirect:" + CHOOSE_PAGE;
        }
        return switch (account.get().status()) {
            case ACTIVE -> {
                if (newPasswordNeeded.isPresent()) {
                    NewPasswordJourney.STATE.save(request,
                            new NewPasswordJourney(accountId, connectorId, newPasswordNeeded.get()));
                    yield "redirect:" + NewPasswordController.NEW_PASSWORD_PAGE;
                }
                yield "redirect:" + citizenSignIn.signIn(accountId, request, response);
            }
            case SUSPENDED, BLOCKED -> {
                model.addAttribute("blocked", account.get().status() == dev.signet.core.account.AccountStatus.BLOCKED);
                yield "signin/account-unavailable";
            }
            // A merge moves the old accounts' links to the account kept, so this is an account matched by its email
            // address after it was merged away, or a link made while the merge committed: it cannot sign in.
            case MERGED -> {
                model.addAttribute("merged", true);
                yield "signin/account-unavailable";
            }
            case PASSWORD_RESET_REQUIRED -> {
                SignInJourney.STATE.save(request, new SignInJourney(account.get().email(), true));
                yield "redirect:" + RESET_REQUIRED_PAGE;
            }
        };
    }

    private static PendingLink requirePending(HttpServletRequest request) {
        PendingLink pending = OldAccountJourney.STATE.require(request).pending();
        if (pending == null) {
            throw new dev.signet.server.signin.JourneyTimedOutException(CHOOSE_PAGE);
        }
        return pending;
    }

    private static String requireEmail(HttpServletRequest request) {
        PendingLink pending = requirePending(request);
        if (pending.email() == null) {
            throw new dev.signet.server.signin.JourneyTimedOutException(CHOOSE_PAGE);
        }
        return pending.email();
    }

    private static PendingLink requireProvenEmail(HttpServletRequest request) {
        PendingLink pending = requirePending(request);
        if (!pending.emailProven()) {
            throw new dev.signet.server.signin.JourneyTimedOutException(CHOOSE_PAGE);
        }
        return pending;
    }

    private String systemName(OldAccountJourney journey, Locale locale) {
        return pages.systemName(journey.connectorId(), locale);
    }

    private String signInForm(Model model, Locale locale, OldAccountJourney journey, String loginName,
            FormErrors errors) {
        return pages.signInForm(model, locale, PURPOSE, journey.connectorId(), loginName, errors);
    }

    private static String emailForm(Model model, PendingLink pending, String email, FormErrors errors) {
        model.addAttribute("email", email);
        // After an upstream sign-in no old password comes along: the page must not promise it.
        model.addAttribute("passwordCarried", pending.carriedPassword().isPresent());
        model.addAttribute("errors", errors);
        return "migration/email";
    }

    private String codeForm(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        model.addAttribute("journeyPath", EMAIL_PAGE);
        model.addAttribute("lifetimeMinutes", codes.codeLifetime().toMinutes());
        return "codes/check-email";
    }

    private String existingForm(Model model, Locale locale, OldAccountJourney journey, FormErrors errors) {
        model.addAttribute("systemName", systemName(journey, locale));
        model.addAttribute("email", journey.pending().email());
        model.addAttribute("codeProven", journey.pending().emailProof() == EmailProof.CODE);
        model.addAttribute("errors", errors);
        return "migration/existing-account";
    }
}
