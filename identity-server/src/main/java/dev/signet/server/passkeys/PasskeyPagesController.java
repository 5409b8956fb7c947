package dev.signet.server.passkeys;

import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.account.RecentAuthentication;
import dev.signet.server.factors.FactorRemovalPolicy;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Naming and removing passkeys from the account page: plain forms that work without JavaScript. A passkey that is
 * not the citizen's own is "not found", whoever's it is.
 */
@Controller
class PasskeyPagesController {

    static final String ACCOUNT_PAGE = "/account";
    /** Asks for a strong, recent sign-in, then back to the account page, where the add form is then shown. */
    static final String ADD_PAGE = "/account/passkeys/add";
    private static final String NAME_PAGE = "/account/passkeys/{id}/name";
    private static final String REMOVE_PAGE = "/account/passkeys/{id}/remove";

    private static final Logger log = LoggerFactory.getLogger(PasskeyPagesController.class);

    private final PasskeyRepository passkeys;
    private final FactorRemovalPolicy removalPolicy;
    private final RecentAuthentication recentAuthentication;
    private final PasskeyChanges changes;

    PasskeyPagesController(PasskeyRepository passkeys, FactorRemovalPolicy removalPolicy,
            RecentAuthentication recentAuthentication, PasskeyChanges changes) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.removalPolicy = Objects.requireNonNull(removalPolicy, "removalPolicy");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @GetMapping(ADD_PAGE)
    String addPage(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response) {
        return "redirect:" + recentAuthentication.firstGoTo(citizen, ACCOUNT_PAGE, request, response)
                .orElse(ACCOUNT_PAGE + "#passkeys");
    }

    @GetMapping(NAME_PAGE)
    String namePage(@PathVariable("id") String id, CitizenAuthentication citizen, Model model) {
        Passkey passkey = own(citizen, id);
        return nameForm(model, passkey, passkey.label(), new FormErrors());
    }

    @PostMapping(NAME_PAGE)
    String rename(@PathVariable("id") String id, @RequestParam(name = "name", required = false) String typed,
            CitizenAuthentication citizen, HttpServletRequest request, Model model) {
        Passkey passkey = own(citizen, id);
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            return nameForm(model, passkey, "", new FormErrors().add("name", "passkeys.name.error.missing"));
        }
        if (name.length() > Passkey.MAX_LABEL_LENGTH) {
            return nameForm(model, passkey, name, new FormErrors().add("name", "passkeys.name.error.tooLong",
                    Passkey.MAX_LABEL_LENGTH));
        }
        if (!passkeys.rename(citizen.accountId(), id, name)) {
            throw notFound();
        }
        PasskeyNotices.renamed(request, name);
        return "redirect:" + ACCOUNT_PAGE;
    }

    @GetMapping(REMOVE_PAGE)
    String removePage(@PathVariable("id") String id, CitizenAuthentication citizen, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Passkey passkey = own(citizen, id);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, removePath(id), request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        model.addAttribute("passkey", passkey);
        return "passkeys/remove";
    }

    @PostMapping(REMOVE_PAGE)
    String remove(@PathVariable("id") String id, CitizenAuthentication citizen, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Passkey passkey = own(citizen, id);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, removePath(id), request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        FactorRemovalPolicy.Decision decision = removalPolicy.remove(citizen.accountId(),
                () -> passkeys.delete(citizen.accountId(), id));
        if (decision instanceof FactorRemovalPolicy.Refused refused) {
            model.addAttribute("passkey", passkey);
            model.addAttribute("services", refused.servicesNeedingIt());
            return "passkeys/cannot-remove";
        }
        if (!(decision instanceof FactorRemovalPolicy.Allowed)) {
            throw notFound();
        }
        log.info("Passkey removed from account {}", citizen.accountId());
        changes.removed(citizen.accountId(), id, passkey.label(), request, locale);
        return "redirect:" + ACCOUNT_PAGE;
    }

    /** The removal page of a passkey, with its credential id (base64url, safe in a path) as it came. */
    private static String removePath(String id) {
        return REMOVE_PAGE.replace("{id}", id);
    }

    private Passkey own(CitizenAuthentication citizen, String id) {
        return passkeys.findByCredentialId(id).filter(passkey -> passkey.accountId().equals(citizen.accountId()))
                .orElseThrow(PasskeyPagesController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static String nameForm(Model model, Passkey passkey, String name, FormErrors errors) {
        model.addAttribute("passkey", passkey);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        return "passkeys/name";
    }
}
