package dev.signet.admin.accounts;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.security.Operators;
import dev.signet.admin.web.ConflictException;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InsufficientScopeException;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
 * Placing and lifting interventions ({@link InterventionType}). In one transaction: the new status (conditional on
 * the version the operator read), a command for identity-server to end the account's sessions (unless the account
 * becomes active), and the audit entry. Sign-in, refresh and every session request read the status from PostgreSQL,
 * so the intervention holds from the commit; identity-server's worker then tells relying parties by back-channel
 * logout, revokes the account's tokens and deletes its sessions.
 */
@RestController
@RequestMapping("/accounts/{id}/interventions")
@Tag(name = "Account actions", description = "Interventions, second-factor resets and erasure (admin.support, "
        + "admin.manage)")
public class InterventionController {

    private final AccountRepository accounts;
    private final SessionEndingOutbox sessionEndings;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;

    public InterventionController(AccountRepository accounts, SessionEndingOutbox sessionEndings,
            OperatorAudit operatorAudit, TransactionOperations transactions) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessionEndings = Objects.requireNonNull(sessionEndings, "sessionEndings");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @PostMapping
    @Operation(summary = "Place or lift an intervention",
            description = "suspend, require-password-reset and lift need admin.support; block, and lifting a block, "
                    + "need admin.manage. Send the account's ETag in If-Match and an Idempotency-Key. Every "
                    + "intervention but lift ends the account's sessions: relying parties get a back-channel logout "
                    + "token, refresh tokens stop working, Signet sessions end.")
    @ApiResponse(responseCode = "200", description = "Applied; the ETag is the account's new version")
    @ApiResponse(responseCode = "400", description = "Unknown type or missing reason (invalid-request)")
    @ApiResponse(responseCode = "403", description = "The token lacks the scope (insufficient-scope)")
    @ApiResponse(responseCode = "404", description = "No such account")
    @ApiResponse(responseCode = "409", description = "Not possible from the account's current status "
            + "(invalid-transition; current_status says which)")
    @ApiResponse(responseCode = "412", description = "The account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<InterventionResult> intervene(@PathVariable UUID id,
            @Parameter(description = "The account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody InterventionRequest body, Authentication operator, HttpServletRequest request) {
        InterventionType type = Optional.ofNullable(body.type()).flatMap(InterventionType::named)
                .orElseThrow(() -> new InvalidRequestException("type", "Give one of: " + InterventionType.names()
                        + "."));
        String reason = OperatorReason.require(body.reason());
        InterventionResult result = transactions.execute(status -> {
            Account account = AccountVersions.asRead(accounts, id, ifMatch);
            AccountStatus previous = account.status();
            String scope = type.requiredScope(previous);
            if (!Operators.hasScope(operator, scope)) {
                throw new InsufficientScopeException(scope, "To " + type.externalName() + " this account the token "
                        + "needs the scope " + scope + ".");
            }
            if (!type.allowedFrom(previous)) {
                throw new ConflictException("An account that is " + previous + " cannot be given the intervention "
                        + type.externalName() + ". Read the account again; to change one intervention into another, "
                        + "lift it first (a block needs admin.manage).", Map.of("current_status", previous.name()));
            }
            if (!accounts.updateStatusIfUnchanged(id, account.updatedAt(), type.result())) {
                throw EntityTags.changedMeanwhile();
            }
            boolean endSessions = type.result() != AccountStatus.ACTIVE;
            if (endSessions) {
                sessionEndings.enqueue(id, SessionEndingReason.INTERVENTION);
            }
            operatorAudit.record(operator, request, AuditEventType.OPERATOR_INTERVENTION, Optional.of(id), Map.of(
                    "intervention", type.externalName(), "previous_status", previous.name(),
                    "status", type.result().name(), "reason", reason));
            Account now = accounts.findById(id).orElseThrow();
            return new InterventionResult(type.externalName(), previous.name(), AccountSummary.of(now), endSessions);
        });
        return ResponseEntity.ok().eTag(EntityTags.of(java.time.Instant.parse(result.account().updatedAt())))
                .body(result);
    }
}
