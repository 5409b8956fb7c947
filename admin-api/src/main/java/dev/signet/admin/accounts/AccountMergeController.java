package dev.signet.admin.accounts;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.ProblemException;
import dev.signet.admin.web.Problems;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.merge.MergeConflict;
import dev.signet.core.merge.MergeOutcome;
import dev.signet.core.merge.MergePreview;
import dev.signet.core.merge.MergeRequest;
import dev.signet.core.merge.UndoOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merging one person's two accounts, with a preview first, and undoing a merge (docs/account-merge.md). The work is
 * identity-core's {@link AccountMerges}: one transaction that moves the legacy identities, marks the source merged,
 * ends its sessions, queues the relying parties' Security Event Tokens and writes the audit entries. This controller
 * checks the request (ETags, reason) and turns refusals into problem documents.
 */
@RestController
@RequestMapping("/accounts/{id}")
@Tag(name = "Account merge", description = "Merge two accounts of one person, undo a merge (preview: admin.read; "
        + "merge and undo: admin.manage)")
public class AccountMergeController {

    private static final List<String> SOURCE_KEEPS = List.of("email address", "password", "second factors",
            "recovery codes", "passkeys");

    private final AccountMerges merges;
    private final AccountRepository accounts;
    private final OperatorAudit operatorAudit;

    public AccountMergeController(AccountMerges merges, AccountRepository accounts, OperatorAudit operatorAudit) {
        this.merges = Objects.requireNonNull(merges, "merges");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
    }

    @GetMapping("/merge-preview")
    @Operation(summary = "Preview merging this account into another",
            description = "What would move (every linked legacy identity, services used), what stays with this "
                    + "account, which relying parties would be sent a Security Event Token, and the conflicts that "
                    + "would refuse the merge. Changes nothing. The ETags are the ones to send with the merge.")
    @ApiResponse(responseCode = "200", description = "The preview (possible false: see conflicts)")
    @ApiResponse(responseCode = "400", description = "into missing or malformed (invalid-request), or the same "
            + "account (merge-into-itself)")
    @ApiResponse(responseCode = "404", description = "No such account (either)")
    public MergePreviewView preview(@PathVariable UUID id,
            @Parameter(description = "The account to merge this one into (the target)", required = true)
            @RequestParam(required = false) UUID into,
            Authentication operator, HttpServletRequest request) {
        UUID target = requireTarget(id, into);
        MergePreview preview = merges.preview(id, target);
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_MERGE_PREVIEWED, Optional.of(id),
                Map.of("target", target.toString(), "possible", Boolean.toString(preview.possible())));
        Account source = preview.source().orElseThrow(() -> notFound(id));
        Account targetAccount = preview.target().orElseThrow(() -> notFound(target));
        return new MergePreviewView(AccountSummary.of(source), AccountSummary.of(targetAccount),
                EntityTags.of(source.updatedAt()), EntityTags.of(targetAccount.updatedAt()), preview.possible(),
                preview.conflicts().stream()
                        .map(conflict -> new MergePreviewView.ConflictView(conflict.name(), conflict.description()))
                        .toList(),
                preview.identitiesToMove().stream().map(LinkedIdentityView::of).toList(), preview.servicesToAdd(),
                preview.relyingPartiesToTell(), SOURCE_KEEPS);
    }

    @PostMapping("/merge")
    @Operation(summary = "Merge this account into another",
            description = "Every linked legacy identity moves to the target; services this account used are added to "
                    + "the target's list; this account is kept, marked MERGED (it can no longer sign in; its email "
                    + "address, password, second factors and passkeys stay with it for an undo) and its sessions "
                    + "end; relying parties that knew it are sent a Security Event Token with the old and new sub. "
                    + "Send this account's ETag in If-Match, the target's in target_etag, and an Idempotency-Key.")
    @ApiResponse(responseCode = "200", description = "Merged; the ETag is this account's new version")
    @ApiResponse(responseCode = "400", description = "Missing into, target_etag or reason (invalid-request), or the "
            + "same account (merge-into-itself)")
    @ApiResponse(responseCode = "403", description = "The token lacks admin.manage (insufficient-scope)")
    @ApiResponse(responseCode = "404", description = "No such account (either)")
    @ApiResponse(responseCode = "409", description = "This account is merged already (already-merged, with "
            + "merged_into), or another conflict (merge-conflict, with conflict: TARGET_MERGED, SOURCE_HOLDS_MERGES)")
    @ApiResponse(responseCode = "412", description = "Either account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<MergeResult> merge(@PathVariable UUID id,
            @Parameter(description = "This account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody MergeRequestBody body, Authentication operator, HttpServletRequest request) {
        UUID target = requireTarget(id, body.into());
        String reason = OperatorReason.require(body.reason());
        if (body.targetEtag() == null || body.targetEtag().isBlank()) {
            throw new InvalidRequestException("target_etag", "Give the target account's ETag as you read it (from "
                    + "the preview or GET /accounts/{into}).");
        }
        Account source = AccountVersions.asRead(accounts, id, ifMatch);
        Account targetAccount = accounts.findById(target).orElseThrow(() -> notFound(target));
        EntityTags.requireMatch(body.targetEtag(), EntityTags.of(targetAccount.updatedAt()));
        MergeOutcome outcome = merges.merge(new MergeRequest(id, target, Optional.of(source.updatedAt()),
                Optional.of(targetAccount.updatedAt()), operatorAudit.initiator(operator, request, reason)));
        if (outcome instanceof MergeOutcome.Refused refused) {
            throw refusal(refused.conflict(), id, target);
        }
        MergeOutcome.Merged merged = (MergeOutcome.Merged) outcome;
        Account sourceNow = accounts.findById(id).orElseThrow();
        return ResponseEntity.ok().eTag(EntityTags.of(sourceNow.updatedAt()))
                .body(new MergeResult(MergeView.of(merged.merge()), merged.relyingPartiesTold(),
                        AccountSummary.of(sourceNow), AccountSummary.of(accounts.findById(target).orElseThrow())));
    }

    @PostMapping("/merge/undo")
    @Operation(summary = "Undo this account's merge",
            description = "The legacy identities the merge moved that are still on the target come back; services "
                    + "the merge added to the target's list and not used since are removed; this account gets its "
                    + "status from before the merge and can sign in again. Relying parties that know the target are "
                    + "told each restored identity was unlinked from it. Send this (merged) account's ETag in "
                    + "If-Match and an Idempotency-Key.")
    @ApiResponse(responseCode = "200", description = "Undone; the ETag is this account's new version")
    @ApiResponse(responseCode = "400", description = "No reason (invalid-request)")
    @ApiResponse(responseCode = "403", description = "The token lacks admin.manage (insufficient-scope)")
    @ApiResponse(responseCode = "404", description = "No such account")
    @ApiResponse(responseCode = "409", description = "This account is not merged (not-merged)")
    @ApiResponse(responseCode = "412", description = "The account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<UndoResult> undo(@PathVariable UUID id,
            @Parameter(description = "This account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody UndoRequestBody body, Authentication operator, HttpServletRequest request) {
        String reason = OperatorReason.require(body.reason());
        Account source = AccountVersions.asRead(accounts, id, ifMatch);
        UndoOutcome outcome = merges.undo(id, Optional.of(source.updatedAt()),
                operatorAudit.initiator(operator, request, reason));
        if (outcome instanceof UndoOutcome.AccountNotFound) {
            throw notFound(id);
        }
        if (outcome instanceof UndoOutcome.Changed) {
            throw EntityTags.changedMeanwhile();
        }
        if (outcome instanceof UndoOutcome.NotMerged) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.NOT_MERGED, "Not merged", "Account " + id
                    + " is not merged into another account (or its merge was undone already).", Map.of());
        }
        UndoOutcome.Undone undone = (UndoOutcome.Undone) outcome;
        Account sourceNow = accounts.findById(id).orElseThrow();
        UUID target = undone.merge().targetAccountId();
        return ResponseEntity.ok().eTag(EntityTags.of(sourceNow.updatedAt()))
                .body(new UndoResult(MergeView.of(undone.merge()),
                        undone.restored().stream().map(LinkedIdentityView::of).toList(),
                        undone.notRestored().stream().map(LinkedIdentityView::of).toList(),
                        undone.relyingPartiesTold(), AccountSummary.of(sourceNow),
                        AccountSummary.of(accounts.findById(target).orElseThrow())));
    }

    private static UUID requireTarget(UUID id, UUID into) {
        if (into == null) {
            throw new InvalidRequestException("into", "Give the id of the account to merge this one into.");
        }
        if (into.equals(id)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.MERGE_INTO_ITSELF, "Merge into itself",
                    MergeConflict.SAME_ACCOUNT.description() + " Give the id of the other account in into.",
                    Map.of());
        }
        return into;
    }

    private RuntimeException refusal(MergeConflict conflict, UUID source, UUID target) {
        return switch (conflict) {
            case SOURCE_NOT_FOUND -> notFound(source);
            case TARGET_NOT_FOUND -> notFound(target);
            case SAME_ACCOUNT -> new ProblemException(HttpStatus.BAD_REQUEST, Problems.MERGE_INTO_ITSELF,
                    "Merge into itself", conflict.description(), Map.of());
            case SOURCE_ALREADY_MERGED -> new ProblemException(HttpStatus.CONFLICT, Problems.ALREADY_MERGED,
                    "Already merged", conflict.description(), merges.activeMergeOf(source)
                            .<Map<String, Object>>map(merge -> Map.of("merged_into",
                                    merge.targetAccountId().toString()))
                            .orElse(Map.of()));
            case TARGET_MERGED, SOURCE_HOLDS_MERGES -> new ProblemException(HttpStatus.CONFLICT,
                    Problems.MERGE_CONFLICT, "Cannot merge these accounts", conflict.description(),
                    Map.of("conflict", conflict.name()));
            case SOURCE_CHANGED, TARGET_CHANGED -> EntityTags.changedMeanwhile();
        };
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no account with id " + id + ".");
    }
}
