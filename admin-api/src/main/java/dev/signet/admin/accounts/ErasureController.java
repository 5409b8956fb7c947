package dev.signet.admin.accounts;

import dev.signet.admin.audit.AuditEntryView;
import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.EntityTags;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.passkey.PasskeyRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasing an account (scope {@code admin.manage}, UK GDPR article 17). In one transaction: the account's data is
 * exported, the account is deleted with everything stored under it (second factors, recovery codes, passkeys: their
 * foreign keys cascade), a command is queued for identity-server to end its sessions (back-channel logout to relying
 * parties, token families revoked and removed, Signet sessions deleted), and the audit entry is written. Nothing is
 * deleted unless all of it commits.
 *
 * <p>Decision: the export is returned in the response, not stored for download, so no second copy of the data
 * outlives the erasure in another table. A client that loses the response retries with the same
 * {@code Idempotency-Key} and gets the same export again: the idempotency store keeps it for
 * {@code signet.admin.idempotency-key-lifetime} (24 hours), then it is gone. Audit entries stay: the log is
 * append-only and names the account by id only.
 */
@RestController
@RequestMapping("/accounts/{id}/erasure")
@Tag(name = "Account actions")
public class ErasureController {

    private final AccountRepository accounts;
    private final SecondFactorRepository secondFactors;
    private final RecoveryCodeRepository recoveryCodes;
    private final PasskeyRepository passkeys;
    private final AuditLog auditLog;
    private final SessionEndingOutbox sessionEndings;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;
    private final Clock clock;

    public ErasureController(AccountRepository accounts, SecondFactorRepository secondFactors,
            RecoveryCodeRepository recoveryCodes, PasskeyRepository passkeys, AuditLog auditLog,
            SessionEndingOutbox sessionEndings, OperatorAudit operatorAudit, TransactionOperations transactions,
            Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.sessionEndings = Objects.requireNonNull(sessionEndings, "sessionEndings");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostMapping
    @Operation(summary = "Erase an account, returning its data",
            description = "Exports the account's data and deletes the account and everything tied to it in one "
                    + "transaction; its sessions at relying parties and in Signet are ended. Send the account's ETag "
                    + "in If-Match and an Idempotency-Key: a retry with the same key returns the same export (for "
                    + "24 hours).")
    @ApiResponse(responseCode = "200", description = "Erased; the body holds the export")
    @ApiResponse(responseCode = "400", description = "No reason (invalid-request) or no Idempotency-Key")
    @ApiResponse(responseCode = "404", description = "No such account (or already erased)")
    @ApiResponse(responseCode = "412", description = "The account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<ErasureResult> erase(@PathVariable UUID id,
            @Parameter(description = "The account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ErasureRequest body, Authentication operator, HttpServletRequest request) {
        String reason = OperatorReason.require(body.reason());
        ErasureResult result = transactions.execute(status -> {
            Account account = AccountVersions.asRead(accounts, id, ifMatch);
            Instant now = clock.instant();
            AccountExport export = AccountExport.of(now, account, secondFactors.findByAccount(id),
                    recoveryCodes.unusedHashes(id).size(), passkeys.findByAccount(id), auditEntries(id));
            if (!accounts.deleteIfUnchanged(id, account.updatedAt())) {
                throw EntityTags.changedMeanwhile();
            }
            sessionEndings.enqueue(id, SessionEndingReason.ERASURE);
            operatorAudit.record(operator, request, AuditEventType.OPERATOR_ACCOUNT_ERASED, Optional.of(id),
                    Map.of("reason", reason));
            return new ErasureResult(id.toString(), now.toString(), true, export);
        });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    /** Every audit entry about the account, oldest first. */
    private List<AuditEntryView> auditEntries(UUID accountId) {
        List<AuditEntryView> entries = new ArrayList<>();
        auditLog.forEach(AuditFilter.ALL.withAccount(accountId), entry -> entries.add(AuditEntryView.of(entry)));
        return entries;
    }
}
