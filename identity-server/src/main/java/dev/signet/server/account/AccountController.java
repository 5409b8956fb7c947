package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.server.mfa.AccountSecondFactors;
import dev.signet.server.migration.LinkedOldAccounts;
import dev.signet.server.passkeys.AccountPasskeys;
import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Your account": where a citizen who signed in without coming from a service lands. */
@Controller
class AccountController {

    private final AccountRepository accounts;
    private final AccountPasskeys passkeys;
    private final AccountSecondFactors secondFactors;
    private final AccountSessions sessions;
    private final AccountServices services;
    private final LinkedOldAccounts oldAccounts;

    AccountController(AccountRepository accounts, AccountPasskeys passkeys, AccountSecondFactors secondFactors,
            AccountSessions sessions, AccountServices services, LinkedOldAccounts oldAccounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.services = Objects.requireNonNull(services, "services");
        this.oldAccounts = Objects.requireNonNull(oldAccounts, "oldAccounts");
    }

    @GetMapping("/account")
    String account(Authentication authentication, HttpServletRequest request, Locale locale, Model model) {
        CitizenAuthentication citizen = authentication instanceof CitizenAuthentication signedIn ? signedIn : null;
        Optional<Account> account = citizen != null ? accounts.findById(citizen.accountId()) : Optional.empty();
        if (account.isEmpty()) {
            // Signed in to an account that has since been deleted: nothing to show, start again.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/sign-in";
        }
        model.addAttribute("email", account.get().email());
        model.addAttribute("passkeys", passkeys.section(citizen, request, locale));
        model.addAttribute("secondFactors", secondFactors.section(account.get().id()));
        model.addAttribute("sessions", sessions.section(account.get().id(), request, locale));
        model.addAttribute("services", services.rows(account.get().id(), locale));
        model.addAttribute("oldAccounts", oldAccounts.section(account.get().id(), locale));
        return "account/index";
    }
}
