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
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.sessions.AccountSessionDirectory;
import io.lettuce.core.RedisException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searching for and viewing citizens' accounts (scope {@code admin.read}). Every search and view is audited.
 */
@RestController
@RequestMapping("/accounts")
@Tag(name = "Accounts", description = "Citizens' accounts (scope admin.read)")
public class AccountController {

    private static final Logger LOG = LoggerFactory.getLogger(AccountController.class);
    /** How many sign-in events an account view shows. */
    static final int RECENT_SIGN_INS = 20;
    private static final Set<AuditEventType> SIGN_IN_EVENTS = Set.of(AuditEventType.SIGN_IN_SUCCEEDED,
            AuditEventType.SIGN_IN_FAILED, AuditEventType.SIGNED_OUT);

    private final AccountRepository accounts;
    private final AuditLog auditLog;
    private final OperatorAudit operatorAudit;
    private final SecondFactorRepository secondFactors;
    private final PasskeyRepository passkeys;
    private final SessionEndingOutbox sessionEndings;
    private final LinkedIdentityRepository links;
    private final AccountMerges merges;
    private final Optional<AccountSessionDirectory> liveSessions;

    public AccountController(AccountRepository accounts, AuditLog auditLog, OperatorAudit operatorAudit,
            SecondFactorRepository secondFactors, PasskeyRepository passkeys, SessionEndingOutbox sessionEndings,
            LinkedIdentityRepository links, AccountMerges merges,
            ObjectProvider<AccountSessionDirectory> liveSessions) {
        this.liveSessions = Optional.ofNullable(liveSessions.getIfAvailable());
        this.links = Objects.requireNonNull(links, "links");
        this.merges = Objects.requireNonNull(merges, "merges");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.sessionEndings = Objects.requireNonNull(sessionEndings, "sessionEndings");
    }

    @GetMapping
    @Operation(summary = "Find accounts by email address, phone number or legacy identifier",
            description = "Give exactly one of: email (case-insensitive exact match; at most one account); phone "
                    + "(the number of a text-message second factor, read as identity-server reads what citizens "
                    + "type: 07700 900123, +44 7700 900123 and 0044 7700 900123 are one number; several accounts "
                    + "may share one); or connector_id with legacy_subject (a linked legacy identity, matched "
                    + "exactly; at most one account). A list with cursor pagination like every list of this API; it "
                    + "has one page.")
    public Page<AccountSummary> search(
            @Parameter(description = "The email address to look for")
            @RequestParam(required = false) String email,
            @Parameter(description = "The phone number to look for, in any usual format")
            @RequestParam(required = false) String phone,
            @Parameter(description = "The connector of a linked legacy identity (with legacy_subject)")
            @RequestParam(name = "connector_id", required = false) String connectorId,
            @Parameter(description = "The legacy system's identifier of the person (with connector_id)")
            @RequestParam(name = "legacy_subject", required = false) String legacySubject,
            Authentication operator, HttpServletRequest request) {
        boolean byEmail = email != null && !email.isBlank();
        boolean byPhone = phone != null && !phone.isBlank();
        boolean byLegacy = (connectorId != null && !connectorId.isBlank())
                || (legacySubject != null && !legacySubject.isEmpty());
        int criteria = (byEmail ? 1 : 0) + (byPhone ? 1 : 0) + (byLegacy ? 1 : 0);
        if (criteria != 1) {
            throw new InvalidRequestException(byEmail ? "phone" : "email", criteria > 1
                    ? "Give one of: the email address, the phone number, or connector_id with legacy_subject."
                    : "Give the email address, the phone number, or connector_id with legacy_subject to search for.");
        }
        List<Account> found = byEmail ? findByEmail(email) : byPhone ? findByPhone(phone)
                : findByLegacyIdentity(connectorId, legacySubject);
        // The address, number or identifier itself is not logged: found accounts are named by id, a miss by nothing.
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_ACCOUNTS_SEARCHED,
                found.size() == 1 ? Optional.of(found.get(0).id()) : Optional.empty(),
                Map.of("criteria", byEmail ? "email" : byPhone ? "phone" : "legacy_identity",
                        "results", Integer.toString(found.size())));
        return new Page<>(found.stream().map(AccountSummary::of).toList(), null);
    }

    private List<Account> findByLegacyIdentity(String connectorId, String legacySubject) {
        String connector = LinkedIdentityController.require("connector_id", connectorId);
        String subject = LinkedIdentityController.require("legacy_subject", legacySubject);
        return links.find(connector, subject).flatMap(link -> accounts.findById(link.accountId())).stream().toList();
    }

    private List<Account> findByEmail(String email) {
        String address = EmailAddress.parse(email)
                .orElseThrow(() -> new InvalidRequestException("email", "Give a whole email address, such as "
                        + "name@example.com."));
        return accounts.findByEmail(address).stream().toList();
    }

    private List<Account> findByPhone(String phone) {
        String number = PhoneNumbers.parse(phone)
                .orElseThrow(() -> new InvalidRequestException("phone", "Give a phone number, such as 07700 900123 "
                        + "or, outside the UK, with its country code: +33 6 12 34 56 78."));
        return secondFactors.findAccountsByPhoneNumber(number).stream().distinct()
                .map(accounts::findById).flatMap(Optional::stream).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "View an account",
            description = "The account, its status, its linked legacy identities, its second factors and passkeys "
                    + "(never secrets; phone numbers masked), its live sessions (when the admin API reads "
                    + "identity-server's Redis: sessions_available), its recent sign-in events, how many session "
                    + "endings identity-server has still to carry out, the account it is merged into (if MERGED) and the "
                    + "merges into it. The ETag is the account's version: send it in If-Match on changes.")
    public ResponseEntity<AccountView> view(@PathVariable UUID id, Authentication operator,
            HttpServletRequest request) {
        Optional<Account> account = accounts.findById(id);
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_ACCOUNT_VIEWED, Optional.of(id),
                Map.of("result", account.isPresent() ? "found" : "not_found"));
        if (account.isEmpty()) {
            throw new NotFoundException("There is no account with id " + id + ".");
        }
        Optional<List<AccountView.SessionView>> sessions = liveSessions(id);
        List<AuditEntryView> signIns = auditLog.find(AuditFilter.ALL.withAccount(id).withTypes(SIGN_IN_EVENTS),
                Optional.empty(), RECENT_SIGN_INS).entries().stream().map(AuditEntryView::of).toList();
        return ResponseEntity.ok()
                .eTag(EntityTags.of(account.get().updatedAt()))
                .body(new AccountView(AccountSummary.of(account.get()),
                        secondFactors.findByAccount(id).stream().map(AccountView.FactorView::of).toList(),
                        passkeys.findByAccount(id).stream().map(AccountView.PasskeyView::of).toList(),
                        sessions.isPresent(), sessions.orElse(null), signIns,
                        sessionEndings.pendingFor(id),
                        links.findByAccount(id).stream().map(LinkedIdentityView::of).toList(),
                        merges.activeMergeOf(id).map(merge -> merge.targetAccountId().toString()).orElse(null),
                        merges.activeMergesInto(id).stream().map(MergeView::of).toList()));
    }

    /** The account's live sessions, or empty when they cannot be known (no Redis configured, or it did not answer). */
    private Optional<List<AccountView.SessionView>> liveSessions(UUID id) {
        try {
            return liveSessions.map(directory -> directory.findByAccount(id).stream()
                    .map(AccountView.SessionView::of).toList());
        } catch (RedisException unreachable) {
            LOG.warn("Could not read the live sessions of account {} from Redis: {}", id, unreachable.getMessage());
            return Optional.empty();
        }
    }
}
