package dev.signet.server.mfa;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.server.account.RecentAuthentication;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your account" → add a second factor: an authenticator app, a text-message number or email codes, with the set-up
 * pages and {@link SecondFactors} operations of sign-in under this journey's own paths. Every page first asks for a
 * recent, strong enough sign-in ({@link RecentAuthentication}); the addition is emailed to the owner and audited
 * ({@link SecondFactorChanges}). Removing: {@link SecondFactorRemovalController}; recovery codes:
 * {@link RecoveryCodesController}.
 */
@Controller
class AccountSecondFactorsController {

    static final String BASE = "/account/second-factors";
    static final String ADD_PAGE = BASE + "/add";
    private static final SetUpPaths PATHS = SetUpPaths.under(ADD_PAGE, "mfa.account.add.intro");

    private final SecondFactors secondFactors;
    private final SetUpForms forms;
    private final AccountRepository accounts;
    private final RecentAuthentication recentAuthentication;
    private final SecondFactorChanges changes;
    private final CitizenSignIn citizenSignIn;

    AccountSecondFactorsController(SecondFactors secondFactors, AccountRepository accounts,
            RecentAuthentication recentAuthentication, SecondFactorChanges changes, CitizenSignIn citizenSignIn) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.forms = new SetUpForms(secondFactors, PATHS);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.citizenSignIn = Objects.requireNonNull(citizenSignIn, "citizenSignIn");
    }

    // ---- adding: choose, then the app or the phone number, then a code ----

    @GetMapping(ADD_PAGE)
    String choosePage(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        List<SecondFactorMethod> addable = addable(citizen);
        return addable.isEmpty() ? "redirect:" + CitizenSignIn.ACCOUNT_PAGE
                : chooseForm(model, addable, new FormErrors());
    }

    @PostMapping(ADD_PAGE)
    String choose(@RequestParam(name = "method", required = false) String chosen, CitizenAuthentication citizen,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        List<SecondFactorMethod> addable = addable(citizen);
        Optional<SecondFactorMethod> method = addable.stream().filter(m -> m.name().equals(chosen)).findFirst();
        if (method.isEmpty()) {
            return chooseForm(model, addable, new FormErrors().add("method", "mfa.setUp.error"));
        }
        SecondFactorJourney start = SecondFactorJourney.start(citizen.accountId());
        switch (method.get()) {
            case AUTHENTICATOR_APP -> {
                save(request, start.settingUpApp(secondFactors.newApp()));
                return "redirect:" + PATHS.app();
            }
            case TEXT_MESSAGE -> {
                save(request, start.settingUp(SecondFactorMethod.TEXT_MESSAGE));
                return "redirect:" + PATHS.phone();
            }
            default -> {
                if (!secondFactors.sendEmailCode(citizen.accountId(), locale)) {
                    return chooseForm(model, addable, new FormErrors().add("method", "mfa.error.notSent"));
                }
                save(request, start.settingUp(SecondFactorMethod.EMAIL));
                return "redirect:" + PATHS.code();
            }
        }
    }

    @GetMapping(ADD_PAGE + "/app")
    String appPage(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<SecondFactorJourney> journey = journey(citizen, request);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent() || journey.isEmpty() || journey.get().pendingApp() == null) {
            return "redirect:" + first.orElse(ADD_PAGE);
        }
        return forms.app(model, journey.get(), account(citizen).email(), new FormErrors());
    }

    @PostMapping(ADD_PAGE + "/app")
    String app(@RequestParam(name = "code", required = false) String typed, CitizenAuthentication citizen,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
            RedirectAttributes redirect) {
        Optional<SecondFactorJourney> journey = journey(citizen, request);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent() || journey.isEmpty() || journey.get().pendingApp() == null) {
            return "redirect:" + first.orElse(ADD_PAGE);
        }
        if (hasAlready(citizen, SecondFactorMethod.AUTHENTICATOR_APP)) {
            return "redirect:" + CitizenSignIn.ACCOUNT_PAGE;
        }
        Optional<String> code = CodeAnswer.parse(typed);
        if (code.isEmpty()) {
            return forms.app(model, journey.get(), account(citizen).email(),
                    CodeAnswer.problems(typed, Optional.empty()));
        }
        if (!secondFactors.confirmApp(citizen.accountId(), journey.get().pendingApp(), code.get())) {
            return forms.app(model, journey.get(), account(citizen).email(),
                    new FormErrors().add("code", "mfa.setUp.app.error.wrong"));
        }
        return added(citizen, SecondFactorMethod.AUTHENTICATOR_APP, request, response, locale, model, redirect);
    }

    @GetMapping(ADD_PAGE + "/phone")
    String phonePage(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        return forms.phone(model, "", new FormErrors());
    }

    @PostMapping(ADD_PAGE + "/phone")
    String phone(@RequestParam(name = "phoneNumber", required = false) String typed, CitizenAuthentication citizen,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
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
        save(request, SecondFactorJourney.start(citizen.accountId()).settingUpPhone(number.get()));
        return "redirect:" + PATHS.code();
    }

    @GetMapping(ADD_PAGE + "/code")
    String codePage(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<SecondFactorJourney> journey = journey(citizen, request).filter(this::sentCode);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent() || journey.isEmpty()) {
            return "redirect:" + first.orElse(ADD_PAGE);
        }
        return forms.code(model, journey.get(), account(citizen).email(), new FormErrors());
    }

    @PostMapping(ADD_PAGE + "/code")
    String code(@RequestParam(name = "code", required = false) String typed, CitizenAuthentication citizen,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
            RedirectAttributes redirect) {
        Optional<SecondFactorJourney> journey = journey(citizen, request).filter(this::sentCode);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent() || journey.isEmpty()) {
            return "redirect:" + first.orElse(ADD_PAGE);
        }
        SecondFactorMethod method = journey.get().method();
        if (hasAlready(citizen, method)) {
            return "redirect:" + CitizenSignIn.ACCOUNT_PAGE;
        }
        boolean text = method == SecondFactorMethod.TEXT_MESSAGE;
        Optional<CodeCheck> check = CodeAnswer.parse(typed).map(code -> text
                ? secondFactors.checkTextCode(citizen.accountId(), journey.get().phoneNumber(), code)
                : secondFactors.checkEmailCode(citizen.accountId(), code));
        FormErrors errors = CodeAnswer.problems(typed, check);
        if (!errors.isEmpty()) {
            return forms.code(model, journey.get(), account(citizen).email(), errors);
        }
        if (text) {
            secondFactors.addTextMessage(citizen.accountId(), journey.get().phoneNumber());
        } else {
            secondFactors.addEmail(citizen.accountId());
        }
        return added(citizen, method, request, response, locale, model, redirect);
    }

    @PostMapping(ADD_PAGE + "/resend")
    String resend(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        Optional<SecondFactorJourney> journey = journey(citizen, request).filter(this::sentCode);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, ADD_PAGE, request, response);
        if (first.isPresent() || journey.isEmpty()) {
            return "redirect:" + first.orElse(ADD_PAGE);
        }
        boolean sent = journey.get().method() == SecondFactorMethod.TEXT_MESSAGE
                ? secondFactors.sendTextCode(citizen.accountId(), journey.get().phoneNumber(), locale)
                : secondFactors.sendEmailCode(citizen.accountId(), locale);
        if (!sent) {
            return forms.code(model, journey.get(), account(citizen).email(),
                    new FormErrors().add("code", "mfa.error.notSent"));
        }
        return "redirect:" + PATHS.code();
    }

    // ---- shared ----

    /**
     * The factor was added: tell the owner, then show recovery codes if the account has none left. A password session
     * (this was the account's first factor) is raised to Cl.Cm, as after setting one up during sign-in: the citizen
     * has just given their password and the new factor; later changes then need that factor.
     */
    private String added(CitizenAuthentication citizen, SecondFactorMethod method, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        AccountFactorJourney.STATE.clear(request);
        if (!citizen.trustLevel().satisfies(CredentialTrustLevel.MEDIUM)) {
            citizenSignIn.signIn(citizen.accountId(), CredentialTrustLevel.MEDIUM, request, response);
        }
        changes.added(citizen.accountId(), method, locale);
        Optional<List<String>> codes = secondFactors.issueRecoveryCodesIfNone(citizen.accountId());
        if (codes.isPresent()) {
            return RecoveryCodesController.show(model, codes.get());
        }
        redirect.addFlashAttribute("changed", "mfa.account.added." + method.name());
        return "redirect:" + CitizenSignIn.ACCOUNT_PAGE;
    }

    private List<SecondFactorMethod> addable(CitizenAuthentication citizen) {
        return secondFactors.offered().stream().filter(method -> !hasAlready(citizen, method)).toList();
    }

    private boolean hasAlready(CitizenAuthentication citizen, SecondFactorMethod method) {
        return secondFactors.of(citizen.accountId(), method).isPresent();
    }

    private Account account(CitizenAuthentication citizen) {
        return accounts.findById(citizen.accountId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Optional<SecondFactorJourney> journey(CitizenAuthentication citizen, HttpServletRequest request) {
        return AccountFactorJourney.STATE.find(request).map(AccountFactorJourney::setUp)
                .filter(journey -> journey.accountId().equals(citizen.accountId()) && journey.settingUp());
    }

    private boolean sentCode(SecondFactorJourney journey) {
        return journey.method() == SecondFactorMethod.EMAIL
                || journey.method() == SecondFactorMethod.TEXT_MESSAGE && journey.phoneNumber() != null;
    }

    private static void save(HttpServletRequest request, SecondFactorJourney journey) {
        AccountFactorJourney.STATE.save(request, new AccountFactorJourney(journey));
    }

    private String chooseForm(Model model, List<SecondFactorMethod> methods, FormErrors errors) {
        model.addAttribute(SetUpPaths.MODEL_ATTRIBUTE, PATHS);
        model.addAttribute("methods", methods.stream().map(Enum::name).toList());
        model.addAttribute("errors", errors);
        return "mfa/set-up";
    }
}
