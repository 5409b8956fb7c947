package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Confirm it is you": the password typed again before a change when the sign-in is no longer recent. */
@Controller
class ConfirmItIsYouController {

    private final AccountRepository accounts;
    private final CurrentPassword currentPassword;
    private final RecentAuthentication recentAuthentication;

    ConfirmItIsYouController(AccountRepository accounts, CurrentPassword currentPassword,
            RecentAuthentication recentAuthentication) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.currentPassword = Objects.requireNonNull(currentPassword, "currentPassword");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
    }

    @GetMapping(RecentAuthentication.CONFIRM_PAGE)
    String page(Model model) {
        model.addAttribute("errors", new FormErrors());
        return "account/confirm-it-is-you";
    }

    @PostMapping(RecentAuthentication.CONFIRM_PAGE)
    String confirm(@RequestParam(name = CurrentPassword.FIELD, required = false) String typed,
            CitizenAuthentication citizen, HttpServletRequest request, HttpServletResponse response, Model model) {
        Account account = accounts.findById(citizen.accountId())
                .orElseThrow(AccountSettingsController.AccountGoneException::new);
        FormErrors errors = currentPassword.problems(account, typed, request, response);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "account/confirm-it-is-you";
        }
        return "redirect:" + recentAuthentication.confirmed(request, citizen);
    }
}
