package dev.signet.admin.accounts;

import dev.signet.admin.audit.AuditEntryView;
import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.Page;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.EmailAddress;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searching for and viewing citizens' accounts (scope {@code admin.read}). Every search and view is audited. */
@RestController
@RequestMapping("/accounts")
@Tag(name = "Accounts", description = "Citizens' accounts (scope admin.read)")
public class AccountController {

    /** How many sign-in events an account view shows. */
    static final int RECENT_SIGN_INS = 20;
    private static final Set<AuditEventType> SIGN_IN_EVENTS = Set.of(AuditEventType.SIGN_IN_SUCCEEDED,
            AuditEventType.SIGN_IN_FAILED, AuditEventType.SIGNED_OUT);

    private final AccountRepository accounts;
    private final AuditLog auditLog;
    private final OperatorAudit operatorAudit;

    public AccountController(AccountRepository accounts, AuditLog auditLog, OperatorAudit operatorAudit) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
    }

    @GetMapping
    @Operation(summary = "Find accounts by email address",
            description = "Case-insensitive exact match. A list with cursor pagination, like every list of this API "
                    + "(an email address matches at most one account, so there is one page).")
    public Page<AccountSummary> search(
            @Parameter(description = "The email address to look for", required = true)
            @RequestParam(required = false) String email,
            Authentication operator, HttpServletRequest request) {
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException("email", "Give the email address to search for.");
        }
        String address = EmailAddress.parse(email)
                .orElseThrow(() -> new InvalidRequestException("email", "Give a whole email address, such as "
                        + "name@example.com."));
        Optional<Account> found = accounts.findByEmail(address);
        // The address itself is not written to the log: a found account is named by its id, a miss by nothing.
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_ACCOUNTS_SEARCHED, found.map(Account::id),
                Map.of("criteria", "email", "results", found.isPresent() ? "1" : "0"));
        return new Page<>(found.map(AccountSummary::of).stream().toList(), null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "View an account",
            description = "The account, its status and its recent sign-in events. The ETag is the account's version: "
                    + "send it in If-Match on updates.")
    public ResponseEntity<AccountView> view(@PathVariable UUID id, Authentication operator,
            HttpServletRequest request) {
        Optional<Account> account = accounts.findById(id);
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_ACCOUNT_VIEWED, Optional.of(id),
                Map.of("result", account.isPresent() ? "found" : "not_found"));
        if (account.isEmpty()) {
            throw new NotFoundException("There is no account with id " + id + ".");
        }
        List<AuditEntryView> signIns = auditLog.find(AuditFilter.ALL.withAccount(id).withTypes(SIGN_IN_EVENTS),
                Optional.empty(), RECENT_SIGN_INS).entries().stream().map(AuditEntryView::of).toList();
        return ResponseEntity.ok()
                .eTag(EntityTags.of(account.get().updatedAt()))
                .body(new AccountView(AccountSummary.of(account.get()), signIns));
    }
}
