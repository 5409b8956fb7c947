package dev.signet.server.mfa;

import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.server.account.RecentAuthentication;
import dev.signet.server.factors.FactorRemovalPolicy;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CitizenSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your account" → remove a second factor: "Are you sure?", then removed unless it is the account's last strong
 * factor while a service the citizen uses requires {@code Cl.Cm} ({@link FactorRemovalPolicy}), in which case the
 * page says why. After a recent, strong enough sign-in ({@link RecentAuthentication}); emailed and audited.
 */
@Controller
class SecondFactorRemovalController {

    private static final String REMOVE_PAGE = AccountSecondFactorsController.BASE + "/{method}/remove";

    private final SecondFactors secondFactors;
    private final RecentAuthentication recentAuthentication;
    private final FactorRemovalPolicy removalPolicy;
    private final SecondFactorChanges changes;

    SecondFactorRemovalController(SecondFactors secondFactors, RecentAuthentication recentAuthentication,
            FactorRemovalPolicy removalPolicy, SecondFactorChanges changes) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
        this.removalPolicy = Objects.requireNonNull(removalPolicy, "removalPolicy");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @GetMapping(REMOVE_PAGE)
    String removePage(@PathVariable("method") String segment, CitizenAuthentication citizen,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SecondFactorMethod method = own(citizen, segment);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, removePath(method), request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        model.addAttribute("method", method.name());
        model.addAttribute("path", AccountSecondFactors.path(method));
        return "mfa/remove";
    }

    @PostMapping(REMOVE_PAGE)
    String remove(@PathVariable("method") String segment, CitizenAuthentication citizen, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        SecondFactorMethod method = own(citizen, segment);
        Optional<String> first = recentAuthentication.firstGoTo(citizen, removePath(method), request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        FactorRemovalPolicy.Decision decision = removalPolicy.remove(citizen.accountId(),
                () -> secondFactors.remove(citizen.accountId(), method));
        if (decision instanceof FactorRemovalPolicy.Refused refused) {
            model.addAttribute("services", refused.servicesNeedingIt());
            model.addAttribute("method", method.name());
            return "mfa/cannot-remove";
        }
        if (decision instanceof FactorRemovalPolicy.Allowed) {
            changes.removed(citizen.accountId(), method, locale);
        }
        redirect.addFlashAttribute("changed", "mfa.account.removed." + method.name());
        return "redirect:" + CitizenSignIn.ACCOUNT_PAGE;
    }

    /** The method named by the path, which the account must have; "not found" otherwise. */
    private SecondFactorMethod own(CitizenAuthentication citizen, String segment) {
        return Arrays.stream(SecondFactorMethod.values())
                .filter(method -> AccountSecondFactors.path(method).equals(segment))
                .filter(method -> secondFactors.of(citizen.accountId(), method).isPresent()).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String removePath(SecondFactorMethod method) {
        return AccountSecondFactorsController.BASE + "/" + AccountSecondFactors.path(method) + "/remove";
    }
}
