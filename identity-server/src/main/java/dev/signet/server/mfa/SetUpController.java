package dev.signet.server.mfa;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CodeAnswer;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.signin.FormErrors;
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
 * Setting up a first second factor during sign-in, for a citizen who has none (and no passkey, which counts as one): choose the kind, then prove it works
 * with a code (scan the QR code or type the key into an app; or get a code by text message or email). Only while the
 * account has no second factor: once it has one, these pages lead to signing in with it, so a person who knows only
 * the password can never add a factor of their own to a protected account.
 */
@Controller
class SetUpController {

    static final String CHOOSE_PAGE = SecondFactorController.CHOOSE_PAGE + "/set-up";
    static final String APP_PAGE = CHOOSE_PAGE + "/app";
    static final String PHONE_PAGE = CHOOSE_PAGE + "/phone";
    static final String CODE_PAGE = CHOOSE_PAGE + "/code";
    static final String RESEND = CHOOSE_PAGE + "/resend";
    private static final SetUpPaths PATHS = SetUpPaths.under(CHOOSE_PAGE, "mfa.setUp.intro");

    private final SecondFactors secondFactors;
    private final SetUpForms forms;
    private final SecondFactorSignIn signIn;
    private final AccountRepository accounts;
    private final PasskeyRepository passkeys;

    SetUpController(SecondFactors secondFactors, SecondFactorSignIn signIn, AccountRepository accounts,
            PasskeyRepository passkeys) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.forms = new SetUpForms(secondFactors, PATHS);
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    }

    @GetMapping(CHOOSE_PAGE)
    String choosePage(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return chooseForm(model, new FormErrors());
    }

    @PostMapping(CHOOSE_PAGE)
    String choose(@RequestParam(name = "method", required = false) String chosen, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        Optional<SecondFactorMethod> method = secondFactors.offered().stream()
                .filter(offered -> offered.name().equals(chosen)).findFirst();
        if (method.isEmpty()) {
            return chooseForm(model, new FormErrors().add("method", "mfa.setUp.error"));
        }
        SecondFactorJourney journey = signIn.journey(request, citizen);
        switch (method.get()) {
            case AUTHENTICATOR_APP -> {
                SecondFactorJourney.STATE.save(request, journey.settingUpApp(secondFactors.newApp()));
                return "redirect:" + APP_PAGE;
            }
            case TEXT_MESSAGE -> {
                SecondFactorJourney.STATE.save(request, journey.settingUp(SecondFactorMethod.TEXT_MESSAGE));
                return "redirect:" + PHONE_PAGE;
            }
            default -> {
                if (!secondFactors.sendEmailCode(citizen.accountId(), locale)) {
                    return chooseForm(model, new FormErrors().add("method", "mfa.error.notSent"));
                }
                SecondFactorJourney.STATE.save(request, journey.settingUp(SecondFactorMethod.EMAIL));
                return "redirect:" + CODE_PAGE;
            }
        }
    }

    @GetMapping(APP_PAGE)
    String appPage(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        SecondFactorJourney journey = signIn.journey(request, citizen);
        if (!journey.settingUp() || journey.pendingApp() == null) {
            return "redirect:" + CHOOSE_PAGE;
        }
        return forms.app(model, journey, email(citizen), new FormErrors());
    }

    @PostMapping(APP_PAGE)
    String app(@RequestParam(name = "code", required = false) String typed, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        SecondFactorJourney journey = signIn.journey(request, citizen);
        if (!journey.settingUp() || journey.pendingApp() == null) {
            return "redirect:" + CHOOSE_PAGE;
        }
        Optional<String> code = CodeAnswer.parse(typed);
        if (code.isEmpty()) {
            return forms.app(model, journey, email(citizen), CodeAnswer.problems(typed, Optional.empty()));
        }
        if (!secondFactors.confirmApp(citizen.accountId(), journey.pendingApp(), code.get())) {
            return forms.app(model, journey, email(citizen), new FormErrors().add("code", "mfa.setUp.app.error.wrong"));
        }
        return signIn.finish(citizen, request, response, model);
    }

    @GetMapping(PHONE_PAGE)
    String phonePage(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return forms.phone(model, "", new FormErrors());
    }

    @PostMapping(PHONE_PAGE)
    String phone(@RequestParam(name = "phoneNumber", required = false) String typed, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        if (typed == null || typed.isBlank()) {
            return forms.phone(model, "", new FormErrors().add("phoneNumber", "mfa.setUp.phone.error.missing"));
        }
        Optional<String> number = PhoneNumbers.parse(typed);
        if (number.isEmpty()) {
            return forms.phone(model, typed, new FormErrors().add("phoneNumber", "mfa.setUp.phone.error.format"));
        }
        if (!secondFactors.sendTextCode(citizen.accountId(), number.get(), locale)) {
            return forms.phone(model, typed, new FormErrors().add("phoneNumber", "mfa.error.notSent"));
        }
        SecondFactorJourney.STATE.save(request, signIn.journey(request, citizen).settingUpPhone(number.get()));
        return "redirect:" + CODE_PAGE;
    }

    @GetMapping(CODE_PAGE)
    String codePage(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        SecondFactorJourney journey = signIn.journey(request, citizen);
        if (!sentCodeJourney(journey)) {
            return "redirect:" + CHOOSE_PAGE;
        }
        return forms.code(model, journey, email(citizen), new FormErrors());
    }

    @PostMapping(CODE_PAGE)
    String code(@RequestParam(name = "code", required = false) String typed, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        SecondFactorJourney journey = signIn.journey(request, citizen);
        if (!sentCodeJourney(journey)) {
            return "redirect:" + CHOOSE_PAGE;
        }
        boolean text = journey.method() == SecondFactorMethod.TEXT_MESSAGE;
        Optional<CodeCheck> check = CodeAnswer.parse(typed).map(code -> text
                ? secondFactors.checkTextCode(citizen.accountId(), journey.phoneNumber(), code)
                : secondFactors.checkEmailCode(citizen.accountId(), code));
        FormErrors errors = CodeAnswer.problems(typed, check);
        if (!errors.isEmpty()) {
            return forms.code(model, journey, email(citizen), errors);
        }
        if (text) {
            secondFactors.addTextMessage(citizen.accountId(), journey.phoneNumber());
        } else {
            secondFactors.addEmail(citizen.accountId());
        }
        return signIn.finish(citizen, request, response, model);
    }

    @PostMapping(RESEND)
    String resend(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        Optional<String> elsewhere = elsewhere(authentication, request, response);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        CitizenAuthentication citizen = SecondFactorSignIn.citizen(authentication).orElseThrow();
        SecondFactorJourney journey = signIn.journey(request, citizen);
        if (!sentCodeJourney(journey)) {
            return "redirect:" + CHOOSE_PAGE;
        }
        boolean sent = journey.method() == SecondFactorMethod.TEXT_MESSAGE
                ? secondFactors.sendTextCode(citizen.accountId(), journey.phoneNumber(), locale)
                : secondFactors.sendEmailCode(citizen.accountId(), locale);
        if (!sent) {
            return forms.code(model, journey, email(citizen), new FormErrors().add("code", "mfa.error.notSent"));
        }
        return "redirect:" + CODE_PAGE;
    }

    /**
     * Where to send someone who should not be setting up a factor: nobody signed in (sign in), already signed in with
     * a second factor (on to the service), or an account that has one or a passkey (sign in with it). Empty: go on.
     */
    private Optional<String> elsewhere(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<CitizenAuthentication> citizen = SecondFactorSignIn.citizen(authentication);
        if (citizen.isEmpty()) {
            return Optional.of("redirect:" + SecondFactorController.SIGN_IN);
        }
        if (citizen.get().trustLevel().satisfies(CredentialTrustLevel.MEDIUM)) {
            return Optional.of("redirect:" + signIn.continueUrl(request, response));
        }
        if (!secondFactors.of(citizen.get().accountId()).isEmpty()
                || !passkeys.findByAccount(citizen.get().accountId()).isEmpty()) {
            return Optional.of("redirect:" + SecondFactorController.CHOOSE_PAGE);
        }
        return Optional.empty();
    }

    private static boolean sentCodeJourney(SecondFactorJourney journey) {
        return journey.settingUp() && (journey.method() == SecondFactorMethod.EMAIL
                || journey.method() == SecondFactorMethod.TEXT_MESSAGE && journey.phoneNumber() != null);
    }

    private String chooseForm(Model model, FormErrors errors) {
        model.addAttribute(SetUpPaths.MODEL_ATTRIBUTE, PATHS);
        model.addAttribute("methods", secondFactors.offered().stream().map(Enum::name).toList());
        model.addAttribute("errors", errors);
        return "mfa/set-up";
    }

    private String email(CitizenAuthentication citizen) {
        return accounts.findById(citizen.accountId()).map(Account::email).orElse("");
    }
}
