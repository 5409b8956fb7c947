package dev.signet.admin.accounts;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.EntityTags;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.notify.AccountNoticeKind;
import dev.signet.core.notify.AccountNoticeOutbox;
import dev.signet.core.passkey.PasskeyRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resetting an account's second factors (scope {@code admin.support}), for a citizen who lost the phone or app their
 * codes come from: their factors and recovery codes are removed, so at their next sign-in that needs a second factor
 * ({@code Cl.Cm}) they sign in with their password and set up a new factor, as at their first.
 *
 * <p>Decisions: passkeys are kept unless the operator asks ({@code passkeys=true}): a passkey is a whole sign-in of
 * its own, often synced to other devices the citizen still has, and removing the last one of an account without a
 * password would lock the citizen out; when the lost device held one, the operator removes them too. Sessions are
 * not ended: the citizen asking for the reset is usually the one signed in; to stop someone else, suspend the
 * account as well. The citizen is told by email ({@link AccountNoticeOutbox}, queued in the reset's transaction and
 * sent by identity-server), so an owner who did not ask learns of it.
 */
@RestController
@RequestMapping("/accounts/{id}/second-factors")
@Tag(name = "Account actions")
public class SecondFactorResetController {

    private final AccountRepository accounts;
    private final SecondFactorRepository secondFactors;
    private final RecoveryCodeRepository recoveryCodes;
    private final PasskeyRepository passkeys;
    private final AccountNoticeOutbox notices;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;
    private final Clock clock;

    public SecondFactorResetController(AccountRepository accounts, SecondFactorRepository secondFactors,
            RecoveryCodeRepository recoveryCodes, PasskeyRepository passkeys, AccountNoticeOutbox notices,
            OperatorAudit operatorAudit, TransactionOperations transactions, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @DeleteMapping
    @Operation(summary = "Reset the account's second factors",
            description = "Removes its text-message, authenticator-app and email factors and its recovery codes "
                    + "(and its passkeys with passkeys=true): at the next sign-in that needs a second factor the "
                    + "citizen sets one up again. The citizen is told by email. Send the account's ETag in If-Match.")
    @ApiResponse(responseCode = "200", description = "Reset; the ETag is the account's new version")
    @ApiResponse(responseCode = "400", description = "No reason (invalid-request)")
    @ApiResponse(responseCode = "404", description = "No such account")
    @ApiResponse(responseCode = "412", description = "The account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<SecondFactorResetResult> reset(@PathVariable UUID id,
            @Parameter(description = "The account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = "Why, for the audit log (a ticket number and a few words)", required = true)
            @RequestParam(required = false) String reason,
            @Parameter(description = "Remove the account's passkeys too")
            @RequestParam(defaultValue = "false") boolean passkeys,
            Authentication operator, HttpServletRequest request) {
        String why = OperatorReason.require(reason);
        SecondFactorResetResult result = transactions.execute(status -> {
            Account account = AccountVersions.asRead(accounts, id, ifMatch);
            int factors = secondFactors.removeAll(id);
            int codes = recoveryCodes.unusedHashes(id).size();
            recoveryCodes.replace(id, List.of(), clock.instant());
            int removedPasskeys = passkeys ? removePasskeys(id) : 0;
            // The factors hang off the account: their reset is a change of the account, seen in its ETag.
            if (!accounts.markChangedIfUnchanged(id, account.updatedAt())) {
                throw EntityTags.changedMeanwhile();
            }
            notices.enqueue(id, AccountNoticeKind.SECOND_FACTORS_RESET);
            operatorAudit.record(operator, request, AuditEventType.OPERATOR_SECOND_FACTORS_RESET, Optional.of(id),
                    Map.of("second_factors", Integer.toString(factors), "passkeys", Integer.toString(removedPasskeys),
                            "reason", why));
            return new SecondFactorResetResult(factors, codes, removedPasskeys, true,
                    AccountSummary.of(accounts.findById(id).orElseThrow()));
        });
        return ResponseEntity.ok().eTag(EntityTags.of(java.time.Instant.parse(result.account().updatedAt())))
                .body(result);
    }

    private int removePasskeys(UUID accountId) {
        int count = passkeys.findByAccount(accountId).size();
        passkeys.findUserByAccount(accountId).ifPresent(user -> passkeys.deleteUser(user.userHandle()));
        return count;
    }
}
