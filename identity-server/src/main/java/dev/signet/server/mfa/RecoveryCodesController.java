package dev.signet.server.mfa;

import dev.signet.server.account.RecentAuthentication;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CitizenSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Your account" → new recovery codes in place of all the old ones, for an account with a second factor, after a
 * recent, strong enough sign-in ({@link RecentAuthentication}); emailed and audited.
 */
@Controller
class RecoveryCodesController {

    static final String PAGE = AccountSecondFactorsController.BASE + "/recovery-codes";

    private final SecondFactors secondFactors;
    private final RecentAuthentication recentAuthentication;
    private final SecondFactorChanges changes;

    RecoveryCodesController(SecondFactors secondFactors, RecentAuthentication recentAuthentication,
            SecondFactorChanges changes) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** Shown in this response only: recovery codes are never stored in clear, not even in the session. */
    static String show(Model model, List<String> codes) {
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("continueUrl", CitizenSignIn.ACCOUNT_PAGE);
        return "mfa/recovery-codes";
    }

    @GetMapping(PAGE)
    String page(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<String> first = recentAuthentication.firstGoTo(citizen, PAGE, request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        if (secondFactors.of(citizen.accountId()).isEmpty()) {
            return "redirect:" + CitizenSignIn.ACCOUNT_PAGE;
        }
        model.addAttribute("left", secondFactors.recoveryCodesLeft(citizen.accountId()));
        return "mfa/replace-recovery-codes";
    }

    @PostMapping(PAGE)
    String replace(CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        Optional<String> first = recentAuthentication.firstGoTo(citizen, PAGE, request, response);
        if (first.isPresent()) {
            return "redirect:" + first.get();
        }
        if (secondFactors.of(citizen.accountId()).isEmpty()) {
            return "redirect:" + CitizenSignIn.ACCOUNT_PAGE;
        }
        List<String> codes = secondFactors.replaceRecoveryCodes(citizen.accountId());
        changes.recoveryCodesReplaced(citizen.accountId(), locale);
        return show(model, codes);
    }
}
