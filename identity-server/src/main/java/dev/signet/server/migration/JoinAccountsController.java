package dev.signet.server.migration;

import dev.signet.core.account.Account;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.merge.MergeOutcome;
import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.account.EmailAddress;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.FormErrors;
import dev.signet.server.signin.JourneyTimedOutException;
import dev.signet.server.signin.LimitedCodeEntry;
import dev.signet.server.signin.PasswordSignIn;
import dev.signet.server.signin.SignInOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Join your accounts": the old account a signed-in citizen has just signed in to is held by another Signet account.
 * The citizen proves control of that account too, as a sign-in to it would (its email address and password under the
 * sign-in attempt limits, then its second factor if it has one; or, for an account without a password, a code sent to
 * its address), and it is merged into the account they are signed in to. The page names the other account only by its
 * masked address. Whoever cannot or will not prove it is told that an operator can help; accounts an operator must
 * look at (suspended, blocked, merged, a password to reset) go there directly.
 */
@Controller
class JoinAccountsController {

    static final String JOIN_PAGE = AccountJoinJourney.START;
    static final String SEND_CODE = JOIN_PAGE + "/send-code";
    static final String CODE_PAGE = JOIN_PAGE + "/code";
    static final String HELP_PAGE = JOIN_PAGE + "/help";
    private static final String EMAIL = "email";
    private static final String PASSWORD = OldSystemPages.PASSWORD;
    private static final String SIGN_IN_WAIT = "protection.signIn.wait";

    private final AccountJoining joining;
    private final OldSystemPages pages;
    private final PasswordSignIn passwordSignIn;
    private final LimitedCodeEntry codeEntry;
    private final AttemptLimiter limiter;

    JoinAccountsController(AccountJoining joining, OldSystemPages pages, PasswordSignIn passwordSignIn,
            LimitedCodeEntry codeEntry, AttemptLimiter limiter) {
        this.joining = Objects.requireNonNull(joining, "joining");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.passwordSignIn = Objects.requireNonNull(passwordSignIn, "passwordSignIn");
        this.codeEntry = Objects.requireNonNull(codeEntry, "codeEntry");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    // --- The offer, and the other account's email address and password ---------------------------------------------

    @GetMapping(JOIN_PAGE)
    String joinPage(Authentication authentication, HttpServletRequest request, Locale locale, Model model) {
        AccountJoinJourney journey = journey(authentication, request);
        if (!joining.citizenMayJoin(journey.sourceId(), journey.targetId())) {
            return helpPage(request, model, locale, journey, true);
        }
        return joinForm(model, locale, journey, "", new FormErrors());
    }

    @PostMapping(JOIN_PAGE)
    String join(@RequestParam(name = EMAIL, required = false) String typedEmail,
            @RequestParam(name = PASSWORD, required = false) String password, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        AccountJoinJourney journey = journey(authentication, request);
        if (!joining.citizenMayJoin(journey.sourceId(), journey.targetId())) {
            return helpPage(request, model, locale, journey, true);
        }
        String email = typedEmail == null ? "" : typedEmail.strip();
        FormErrors errors = new FormErrors();
        if (EmailAddress.parse(email).isEmpty()) {
            errors.add(EMAIL, email.isEmpty() ? "email.error.missing" : "email.error.format");
        }
        if (password == null || password.isEmpty()) {
            errors.add(PASSWORD, "signin.password.error.missing");
        }
        if (!errors.isEmpty()) {
            return joinForm(model, locale, journey, email, errors);
        }
        // Exactly a sign-in to that account: its limits, lockout and lockout email, its audit of failures.
        SignInOutcome outcome = passwordSignIn.signIn(email, password, ClientAddress.of(request), locale);
        if (outcome instanceof SignInOutcome.TooManyAttempts tooMany) {
            return joinForm(model, locale, journey, email, WaitMessages.refused(response,
                    new LimitedAttempt.Refused(tooMany.retryAfter(), tooMany.lockedOut()), PASSWORD, SIGN_IN_WAIT));
        }
        if (outcome instanceof SignInOutcome.InvalidCredentials) {
            return joinForm(model, locale, journey, email,
                    new FormErrors().add(PASSWORD, "migration.join.error.invalid"));
        }
        if (outcome instanceof SignInOutcome.NewPasswordRequired required) {
            // The right password proves control like any other; the new password is asked at its next sign-in.
            outcome = new SignInOutcome.SignedIn(required.accountId());
        }
        if (!(outcome instanceof SignInOutcome.SignedIn signedIn)) {
            // The other account was active a moment ago: suspended, merged or sent to reset meanwhile. Or the right
            // password of some other, unusable account: either way an operator looks at it.
            return helpPage(request, model, locale, journey, true);
        }
        if (!signedIn.accountId().equals(journey.sourceId())) {
            // The details of another account of theirs (this one, or a third): right, but not the one that holds it.
            return joinForm(model, locale, journey, email,
                    new FormErrors().add(EMAIL, "migration.join.error.otherAccount"));
        }
        return controlProven(journey, "signet_password", request, response, locale, model);
    }

    /** For an account without a password: a code to its address instead. */
    @PostMapping(SEND_CODE)
    String sendCode(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        AccountJoinJourney journey = journey(authentication, request);
        Optional<Account> source = joining.account(journey.sourceId());
        if (source.isEmpty() || source.get().passwordHash().isPresent()
                || !joining.citizenMayJoin(journey.sourceId(), journey.targetId())) {
            return "redirect:" + JOIN_PAGE;
        }
        if (limiter.begin(LimitedAction.CODE_SENDING, source.get().email(), ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused) {
            return joinForm(model, locale, journey, "",
                    WaitMessages.refused(response, refused, PASSWORD, "protection.codeSending.wait"));
        }
        joining.sendEmailCode(journey, source.get().email(), locale);
        AccountJoinJourney.STATE.save(request, journey.withEmailCodeSent());
        return "redirect:" + CODE_PAGE;
    }

    // --- A code: the one emailed to an account without a password, or the other account's second factor ------------

    @GetMapping(CODE_PAGE)
    String codePage(Authentication authentication, HttpServletRequest request, Locale locale, Model model) {
        AccountJoinJourney journey = journey(authentication, request);
        if (!journey.controlProven() && !journey.emailCodeSent()) {
            return "redirect:" + JOIN_PAGE;
        }
        return codeForm(model, locale, journey, new FormErrors());
    }

    @PostMapping(CODE_PAGE)
    String code(@RequestParam(name = CodeAnswer.FIELD, required = false) String typed, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        AccountJoinJourney journey = journey(authentication, request);
        if (!joining.citizenMayJoin(journey.sourceId(), journey.targetId())) {
            return helpPage(request, model, locale, journey, true);
        }
        if (journey.controlProven()) {
            Optional<SecondFactor> factor = currentFactor(journey);
            if (factor.isEmpty()) {
                return "redirect:" + JOIN_PAGE;
            }
            boolean[] wrongApp = {false};
            // Counted under the other account's code-entry limit, as its second-factor sign-in page counts.
            FormErrors errors = codeEntry.check(typed, journey.sourceId().toString(), request, response, code -> {
                CodeCheck check = joining.checkSecondFactor(factor.get(), code);
                wrongApp[0] = factor.get().method() == SecondFactorMethod.AUTHENTICATOR_APP
                        && !(check instanceof CodeCheck.Valid);
                return check;
            });
            if (!errors.isEmpty()) {
                if (wrongApp[0] && errors.has(CodeAnswer.FIELD)
                        && "code.error.wrong".equals(errors.get(CodeAnswer.FIELD).messageKey())) {
                    errors = new FormErrors().add(CodeAnswer.FIELD, "mfa.code.error.wrongApp");
                }
                return codeForm(model, locale, journey, errors);
            }
            return merge(journey, journey.emailCodeSent() ? "email_code_and_second_factor"
                    : "signet_password_and_second_factor", request, model, locale);
        }
        if (!journey.emailCodeSent()) {
            return "redirect:" + JOIN_PAGE;
        }
        FormErrors errors = codeEntry.check(typed, journey.sourceId().toString(), request, response,
                code -> joining.checkEmailCode(journey, code));
        if (!errors.isEmpty()) {
            return codeForm(model, locale, journey, errors);
        }
        return controlProven(journey, "email_code", request, response, locale, model);
    }

    // --- Not proven: the operators can help ---------------------------------------------------------------------

    @GetMapping(HELP_PAGE)
    String help(Authentication authentication, HttpServletRequest request, Locale locale, Model model) {
        return helpPage(request, model, locale, journey(authentication, request), false);
    }

    // --- Shared steps --------------------------------------------------------------------------------------------

    /** The password (or emailed code) is right: the second factor next, if the account has one; else the merge. */
    private String controlProven(AccountJoinJourney journey, String proof, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Optional<SecondFactor> factor = joining.secondFactorOf(journey.sourceId());
        if (factor.isEmpty()) {
            return merge(journey, proof, request, model, locale);
        }
        AccountJoinJourney next = journey.proven(factor.get().method());
        if (factor.get().method() != SecondFactorMethod.AUTHENTICATOR_APP) {
            if (limiter.begin(LimitedAction.CODE_SENDING, journey.sourceId().toString(), ClientAddress.of(request))
                    instanceof LimitedAttempt.Refused refused) {
                AccountJoinJourney.STATE.save(request, next);
                return codeForm(model, locale, next,
                        WaitMessages.refused(response, refused, CodeAnswer.FIELD, "protection.codeSending.wait"));
            }
            if (!joining.sendSecondFactorCode(factor.get(), locale)) {
                return helpPage(request, model, locale, journey, false);
            }
        }
        AccountJoinJourney.STATE.save(request, next);
        return "redirect:" + CODE_PAGE;
    }

    private String merge(AccountJoinJourney journey, String proof, HttpServletRequest request, Model model,
            Locale locale) {
        AccountJoinJourney.STATE.clear(request);
        MergeOutcome outcome = joining.join(journey, proof, request, locale);
        if (outcome instanceof MergeOutcome.Refused) {
            return helpPage(request, model, locale, journey, true);
        }
        model.addAttribute("systemName", pages.systemName(journey.connectorId(), locale));
        model.addAttribute("otherAccount", otherAccount(journey));
        return "migration/joined";
    }

    private Optional<SecondFactor> currentFactor(AccountJoinJourney journey) {
        return joining.secondFactorOf(journey.sourceId()).filter(factor -> factor.method() == journey.factor());
    }

    /**
     * "An operator can help". {@code onlyOperators}: the citizen cannot join these accounts themselves; otherwise
     * they chose not to (or could not) prove the other account. Either way nothing has changed.
     */
    private String helpPage(HttpServletRequest request, Model model, Locale locale, AccountJoinJourney journey,
            boolean onlyOperators) {
        AccountJoinJourney.STATE.clear(request);
        model.addAttribute("systemName", pages.systemName(journey.connectorId(), locale));
        model.addAttribute("onlyOperators", onlyOperators);
        return "migration/join-help";
    }

    private String joinForm(Model model, Locale locale, AccountJoinJourney journey, String email,
            FormErrors errors) {
        Optional<Account> source = joining.account(journey.sourceId());
        model.addAttribute("systemName", pages.systemName(journey.connectorId(), locale));
        model.addAttribute("otherAccount", otherAccount(journey));
        model.addAttribute("hasPassword", source.flatMap(Account::passwordHash).isPresent());
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "migration/join";
    }

    private String codeForm(Model model, Locale locale, AccountJoinJourney journey, FormErrors errors) {
        Optional<SecondFactor> factor = journey.controlProven() ? currentFactor(journey) : Optional.empty();
        String method = factor.map(f -> f.method().name()).orElse("JOIN_EMAIL");
        model.addAttribute("method", method);
        model.addAttribute("sentTo", factor.map(f -> sentTo(f, journey)).orElseGet(() -> otherAccount(journey)));
        model.addAttribute("lifetimeMinutes", joining.codeLifetime().toMinutes());
        model.addAttribute("systemName", pages.systemName(journey.connectorId(), locale));
        model.addAttribute("errors", errors);
        return "migration/join-code";
    }

    private String sentTo(SecondFactor factor, AccountJoinJourney journey) {
        return switch (factor.method()) {
            case AUTHENTICATOR_APP -> "";
            case TEXT_MESSAGE -> PhoneNumbers.lastDigits(factor.phoneNumber().orElseThrow());
            case EMAIL -> otherAccount(journey);
        };
    }

    /** The other account, as the pages name it: its masked address. */
    private String otherAccount(AccountJoinJourney journey) {
        return joining.account(journey.sourceId()).map(account -> MaskedEmail.of(account.email())).orElse("");
    }

    private static AccountJoinJourney journey(Authentication authentication, HttpServletRequest request) {
        AccountJoinJourney journey = AccountJoinJourney.STATE.require(request);
        if (!(authentication instanceof CitizenAuthentication citizen)
                || !journey.targetId().equals(citizen.accountId())) {
            // Started for another account in this browser: begin again as the one signed in now.
            AccountJoinJourney.STATE.clear(request);
            throw new JourneyTimedOutException(AccountLinkJourney.START);
        }
        return journey;
    }
}
