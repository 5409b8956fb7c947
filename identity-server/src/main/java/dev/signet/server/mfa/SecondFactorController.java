package dev.signet.server.mfa;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import dev.signet.server.protection.WaitMessages;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.signin.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 * Signing in with a second factor, after the password: choose the factor (when there is more than one), get and type
 * the code, or use a recovery code. A citizen with no second factor is sent to set one up ({@link SetUpController}).
 * Reached after the password when the service needs {@code Cl.Cm}, and for step-up from an existing {@code Cl} sign-in.
 */
@Controller
class SecondFactorController {

    static final String CHOOSE_PAGE = CitizenSignIn.SECOND_FACTOR_PAGE;
    static final String CODE_PAGE = CHOOSE_PAGE + "/code";
    static final String RESEND = CHOOSE_PAGE + "/resend";
    static final String RECOVERY_PAGE = CHOOSE_PAGE + "/recovery-code";
    static final String SIGN_IN = "/sign-in";
    private static final String CODE_ENTRY_WAIT = "protection.codeEntry.wait";
    private static final String CODE_SENDING_WAIT = "protection.codeSending.wait";

    private final SecondFactors secondFactors;
    private final SecondFactorSignIn signIn;
    private final AccountRepository accounts;
    private final AttemptLimiter limiter;
    private final PasskeyRepository passkeys;

    SecondFactorController(SecondFactors secondFactors, SecondFactorSignIn signIn, AccountRepository accounts,
            AttemptLimiter limiter, PasskeyRepository passkeys) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    }

    @GetMapping(CHOOSE_PAGE)
    String choosePage(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        if (citizen.get().trustLevel().satisfies(CredentialTrustLevel.MEDIUM)) {
            return "redirect:" + signIn.continueUrl(request, response);
        }
        List<SecondFactor> factors = secondFactors.of(citizen.get().accountId());
        // A passkey is a strong factor too: its owner uses it here rather than setting up something else.
        boolean hasPasskey = hasPasskey(citizen.get());
        if (factors.isEmpty() && !hasPasskey) {
            return "redirect:" + SetUpController.CHOOSE_PAGE;
        }
        if (!hasPasskey && factors.size() == 1
                && factors.get(0).method() == SecondFactorMethod.AUTHENTICATOR_APP) {
            SecondFactorJourney.STATE.save(request, signIn.journey(request, citizen.get())
                    .using(SecondFactorMethod.AUTHENTICATOR_APP));
            return "redirect:" + CODE_PAGE;
        }
        return chooseForm(model, citizen.get(), factors, new FormErrors());
    }

    @PostMapping(CHOOSE_PAGE)
    String choose(@RequestParam(name = "method", required = false) String chosen, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        if (citizen.get().trustLevel().satisfies(CredentialTrustLevel.MEDIUM)) {
            return "redirect:" + signIn.continueUrl(request, response);
        }
        List<SecondFactor> factors = secondFactors.of(citizen.get().accountId());
        Optional<SecondFactor> factor = factors.stream().filter(f -> f.method().name().equals(chosen)).findFirst();
        if (factor.isEmpty()) {
            return factors.isEmpty() && !hasPasskey(citizen.get()) ? "redirect:" + SetUpController.CHOOSE_PAGE
                    : chooseForm(model, citizen.get(), factors, new FormErrors().add("method", "mfa.choose.error"));
        }
        Optional<LimitedAttempt.Refused> tooSoon = sendingRefused(factor.get(), request);
        if (tooSoon.isPresent()) {
            return chooseForm(model, citizen.get(), factors,
                    WaitMessages.refused(response, tooSoon.get(), "method", CODE_SENDING_WAIT));
        }
        if (!send(factor.get(), locale)) {
            return chooseForm(model, citizen.get(), factors, new FormErrors().add("method", "mfa.error.notSent"));
        }
        SecondFactorJourney.STATE.save(request, signIn.journey(request, citizen.get()).using(factor.get().method()));
        return "redirect:" + CODE_PAGE;
    }

    @GetMapping(CODE_PAGE)
    String codePage(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        Optional<SecondFactor> factor = chosenFactor(request, citizen.get());
        if (factor.isEmpty()) {
            return "redirect:" + CHOOSE_PAGE;
        }
        return codeForm(model, citizen.get(), factor.get(), new FormErrors());
    }

    @PostMapping(CODE_PAGE)
    String code(@RequestParam(name = "code", required = false) String typed, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        if (citizen.get().trustLevel().satisfies(CredentialTrustLevel.MEDIUM)) {
            return "redirect:" + signIn.continueUrl(request, response);
        }
        Optional<SecondFactor> factor = chosenFactor(request, citizen.get());
        if (factor.isEmpty()) {
            return "redirect:" + CHOOSE_PAGE;
        }
        if (CodeAnswer.parse(typed).isEmpty()) {
            // Not a code at all: no try used, as on the email-code pages.
            return codeForm(model, citizen.get(), factor.get(), CodeAnswer.problems(typed, Optional.empty()));
        }
        LimitedAttempt attempt = limiter.begin(LimitedAction.CODE_ENTRY, citizen.get().accountId().toString(),
                ClientAddress.of(request));
        if (attempt instanceof LimitedAttempt.Refused refused) {
            return codeForm(model, citizen.get(), factor.get(), WaitMessages.refused(response, refused,
                    CodeAnswer.FIELD, CODE_ENTRY_WAIT));
        }
        CodeOutcome check = check(citizen.get(), factor.get(), typed);
        Optional<LimitedAttempt.Refused> lockout = report((LimitedAttempt.Allowed) attempt, check.valid());
        if (check.valid()) {
            return signIn.finish(citizen.get(), request, response, model);
        }
        if (check.attemptUsed() && signIn.wrongCode(request, signIn.journey(request, citizen.get()))) {
            return "mfa/too-many-attempts";
        }
        if (lockout.isPresent()) {
            return codeForm(model, citizen.get(), factor.get(), WaitMessages.refused(response, lockout.get(),
                    CodeAnswer.FIELD, CODE_ENTRY_WAIT));
        }
        return codeForm(model, citizen.get(), factor.get(), check.errors());
    }

    /** A right code clears the account's count; a wrong one counts, and may start a lockout. */
    private static Optional<LimitedAttempt.Refused> report(LimitedAttempt.Allowed attempt, boolean valid) {
        if (valid) {
            attempt.succeeded();
            return Optional.empty();
        }
        return attempt.failed();
    }

    /** Sending a text or email code is limited per account and address, like every code sent. */
    private Optional<LimitedAttempt.Refused> sendingRefused(SecondFactor factor, HttpServletRequest request) {
        if (factor.method() == SecondFactorMethod.AUTHENTICATOR_APP) {
            return Optional.empty();
        }
        return limiter.begin(LimitedAction.CODE_SENDING, factor.accountId().toString(), ClientAddress.of(request))
                instanceof LimitedAttempt.Refused refused ? Optional.of(refused) : Optional.empty();
    }

    @PostMapping(RESEND)
    String resend(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        Optional<SecondFactor> factor = chosenFactor(request, citizen.get());
        if (factor.isEmpty() || factor.get().method() == SecondFactorMethod.AUTHENTICATOR_APP) {
            return "redirect:" + CHOOSE_PAGE;
        }
        Optional<LimitedAttempt.Refused> tooSoon = sendingRefused(factor.get(), request);
        if (tooSoon.isPresent()) {
            return codeForm(model, citizen.get(), factor.get(),
                    WaitMessages.refused(response, tooSoon.get(), CodeAnswer.FIELD, CODE_SENDING_WAIT));
        }
        if (!send(factor.get(), locale)) {
            return codeForm(model, citizen.get(), factor.get(), new FormErrors().add("code", "mfa.error.notSent"));
        }
        return "redirect:" + CODE_PAGE;
    }

    @GetMapping(RECOVERY_PAGE)
    String recoveryPage(Authentication authentication, Model model) {
        if (SecondFactorSignIn.citizen(authentication).isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        model.addAttribute("errors", new FormErrors());
        return "mfa/recovery-code";
    }

    @PostMapping(RECOVERY_PAGE)
    String recovery(@RequestParam(name = "recoveryCode", required = false) String typed,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return "redirect:" + SIGN_IN;
        }
        if (citizen.get().trustLevel().satisfies(CredentialTrustLevel.MEDIUM)) {
            return "redirect:" + signIn.continueUrl(request, response);
        }
        FormErrors errors = new FormErrors();
        if (typed == null || typed.isBlank()) {
            errors.add("recoveryCode", "mfa.recovery.error.missing");
            model.addAttribute("errors", errors);
            return "mfa/recovery-code";
        }
        LimitedAttempt attempt = limiter.begin(LimitedAction.CODE_ENTRY, citizen.get().accountId().toString(),
                ClientAddress.of(request));
        if (attempt instanceof LimitedAttempt.Refused refused) {
            model.addAttribute("errors", WaitMessages.refused(response, refused, "recoveryCode", CODE_ENTRY_WAIT));
            return "mfa/recovery-code";
        }
        boolean valid = secondFactors.useRecoveryCode(citizen.get().accountId(), typed);
        Optional<LimitedAttempt.Refused> lockout = report((LimitedAttempt.Allowed) attempt, valid);
        if (valid) {
            return signIn.finish(citizen.get(), request, response, model);
        } else if (signIn.wrongCode(request, signIn.journey(request, citizen.get()))) {
            return "mfa/too-many-attempts";
        } else if (lockout.isPresent()) {
            errors = WaitMessages.refused(response, lockout.get(), "recoveryCode", CODE_ENTRY_WAIT);
        } else {
            errors.add("recoveryCode", "mfa.recovery.error.wrong");
        }
        model.addAttribute("errors", errors);
        return "mfa/recovery-code";
    }

    /** The outcome of one typed code: valid, or the problems to show and whether it counted as a try. */
    private record CodeOutcome(boolean valid, boolean attemptUsed, FormErrors errors) {
    }

    /** Checks a typed value that {@link CodeAnswer#parse} accepted as a code. */
    private CodeOutcome check(CitizenAuthentication citizen, SecondFactor factor, String typed) {
        String code = CodeAnswer.parse(typed).orElseThrow();
        CodeCheck check = secondFactors.check(factor, code);
        if (factor.method() == SecondFactorMethod.AUTHENTICATOR_APP) {
            return check instanceof CodeCheck.Valid ? new CodeOutcome(true, false, new FormErrors())
                    : new CodeOutcome(false, true, new FormErrors().add("code", "mfa.code.error.wrongApp"));
        }
        return sentCheck(check, typed);
    }

    private static CodeOutcome sentCheck(CodeCheck check, String typed) {
        if (check instanceof CodeCheck.Valid) {
            return new CodeOutcome(true, false, new FormErrors());
        }
        return new CodeOutcome(false, check instanceof CodeCheck.Wrong || check instanceof CodeCheck.TooManyAttempts,
                CodeAnswer.problems(typed, Optional.of(check)));
    }

    private boolean send(SecondFactor factor, Locale locale) {
        return secondFactors.send(factor, locale);
    }

    private Optional<SecondFactor> chosenFactor(HttpServletRequest request, CitizenAuthentication citizen) {
        SecondFactorJourney journey = signIn.journey(request, citizen);
        if (journey.method() == null || journey.settingUp()) {
            return Optional.empty();
        }
        return secondFactors.of(citizen.accountId(), journey.method());
    }

    private String chooseForm(Model model, CitizenAuthentication citizen, List<SecondFactor> factors,
            FormErrors errors) {
        model.addAttribute("options", factors.stream().map(factor -> option(citizen, factor)).toList());
        model.addAttribute("hasRecoveryCodes", secondFactors.hasRecoveryCodes(citizen.accountId()));
        model.addAttribute("hasPasskey", hasPasskey(citizen));
        model.addAttribute("errors", errors);
        return "mfa/choose";
    }

    private boolean hasPasskey(CitizenAuthentication citizen) {
        return !passkeys.findByAccount(citizen.accountId()).isEmpty();
    }

    private String codeForm(Model model, CitizenAuthentication citizen, SecondFactor factor, FormErrors errors) {
        model.addAttribute("method", factor.method().name());
        model.addAttribute("sentTo", sentTo(citizen, factor));
        model.addAttribute("lifetimeMinutes", secondFactors.codeLifetime().toMinutes());
        model.addAttribute("otherWays", secondFactors.of(citizen.accountId()).size() > 1);
        model.addAttribute("hasRecoveryCodes", secondFactors.hasRecoveryCodes(citizen.accountId()));
        model.addAttribute("errors", errors);
        return "mfa/code";
    }

    private Option option(CitizenAuthentication citizen, SecondFactor factor) {
        return new Option(factor.method().name(), sentTo(citizen, factor));
    }

    /** What the page names the factor by: the last digits of the phone, the email address; nothing for an app. */
    private String sentTo(CitizenAuthentication citizen, SecondFactor factor) {
        return switch (factor.method()) {
            case AUTHENTICATOR_APP -> "";
            case TEXT_MESSAGE -> PhoneNumbers.lastDigits(factor.phoneNumber().orElseThrow());
            case EMAIL -> accounts.findById(citizen.accountId()).map(account -> account.email()).orElse("");
        };
    }

    /** One choice on the page: the method and what it sends to. */
    record Option(String method, String sentTo) {
    }
}
