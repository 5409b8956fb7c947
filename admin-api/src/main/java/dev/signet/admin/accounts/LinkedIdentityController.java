package dev.signet.admin.accounts;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.ProblemException;
import dev.signet.admin.web.Problems;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.links.IdentityLinks;
import dev.signet.core.links.LinkOutcome;
import dev.signet.core.links.UnlinkOutcome;
import dev.signet.core.merge.AccountMerges;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators link a legacy identity to an account ({@code admin.manage}: it gives the account's holder the old
 * account's records) and unlink one ({@code admin.support}: it only takes access away). identity-core's
 * {@link IdentityLinks} does the change, its audit entry and, for an unlink, the relying parties' Security Event
 * Tokens, in one transaction.
 */
@RestController
@RequestMapping("/accounts/{id}/linked-identities")
@Tag(name = "Account merge")
public class LinkedIdentityController {

    private static final int MAX_IDENTIFIER = 255;

    private final IdentityLinks identityLinks;
    private final AccountRepository accounts;
    private final AccountMerges merges;
    private final OperatorAudit operatorAudit;

    public LinkedIdentityController(IdentityLinks identityLinks, AccountRepository accounts, AccountMerges merges,
            OperatorAudit operatorAudit) {
        this.identityLinks = Objects.requireNonNull(identityLinks, "identityLinks");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.merges = Objects.requireNonNull(merges, "merges");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
    }

    @PostMapping
    @Operation(summary = "Link a legacy identity to the account",
            description = "Links connector_id + legacy_subject (linked_by: operator). Refused if that legacy identity "
                    + "is linked to any account already: unlink it there first, or merge the accounts. The connector "
                    + "id is not checked against identity-server's connectors file: spell it as that file does. "
                    + "Send the account's ETag in If-Match and an Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Linked; the ETag is the account's new version")
    @ApiResponse(responseCode = "400", description = "Missing connector_id, legacy_subject or reason "
            + "(invalid-request)")
    @ApiResponse(responseCode = "403", description = "The token lacks admin.manage (insufficient-scope)")
    @ApiResponse(responseCode = "404", description = "No such account")
    @ApiResponse(responseCode = "409", description = "Linked already (already-linked, with account_id), or the "
            + "account is merged (already-merged, with merged_into)")
    @ApiResponse(responseCode = "412", description = "The account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<LinkResult> link(@PathVariable UUID id,
            @Parameter(description = "The account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody LinkRequestBody body, Authentication operator, HttpServletRequest request) {
        String connectorId = require("connector_id", body.connectorId());
        String legacySubject = require("legacy_subject", body.legacySubject());
        String reason = OperatorReason.require(body.reason());
        Account account = AccountVersions.asRead(accounts, id, ifMatch);
        LinkOutcome outcome = identityLinks.link(id, connectorId, legacySubject, Optional.of(account.updatedAt()),
                operatorAudit.initiator(operator, request, reason));
        if (outcome instanceof LinkOutcome.AccountNotFound) {
            throw notFound(id);
        }
        if (outcome instanceof LinkOutcome.Changed) {
            throw EntityTags.changedMeanwhile();
        }
        if (outcome instanceof LinkOutcome.AccountMerged) {
            throw alreadyMerged(id);
        }
        if (outcome instanceof LinkOutcome.AlreadyLinked already) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.ALREADY_LINKED, "Already linked",
                    already.accountId().equals(id) ? "That legacy identity is already linked to this account."
                            : "That legacy identity is linked to another account: unlink it there first, or merge "
                                    + "the two accounts if they are the same person's.",
                    Map.of("account_id", already.accountId().toString()));
        }
        LinkOutcome.Linked linked = (LinkOutcome.Linked) outcome;
        Account now = accounts.findById(id).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).eTag(EntityTags.of(now.updatedAt()))
                .body(new LinkResult(LinkedIdentityView.of(linked.link()), List.of(), AccountSummary.of(now)));
    }

    @DeleteMapping
    @Operation(summary = "Unlink a legacy identity from the account",
            description = "Removes the link; every relying party that knew the account and has an events endpoint "
                    + "is sent a Security Event Token (the legacy subject only to the connector's own department). "
                    + "Send the account's ETag in If-Match.")
    @ApiResponse(responseCode = "200", description = "Unlinked; the ETag is the account's new version")
    @ApiResponse(responseCode = "400", description = "Missing connector_id, legacy_subject or reason "
            + "(invalid-request)")
    @ApiResponse(responseCode = "403", description = "The token lacks admin.support (insufficient-scope)")
    @ApiResponse(responseCode = "404", description = "No such account, or that legacy identity is not linked to it")
    @ApiResponse(responseCode = "412", description = "The account changed since its ETag was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<LinkResult> unlink(@PathVariable UUID id,
            @Parameter(description = "The account's ETag as read", required = true)
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = "The connector id of the legacy identity", required = true)
            @RequestParam(name = "connector_id", required = false) String connectorId,
            @Parameter(description = "The legacy subject of the legacy identity", required = true)
            @RequestParam(name = "legacy_subject", required = false) String legacySubject,
            @Parameter(description = "Why, for the audit log (a ticket number and a few words)", required = true)
            @RequestParam(required = false) String reason,
            Authentication operator, HttpServletRequest request) {
        String connector = require("connector_id", connectorId);
        String subject = require("legacy_subject", legacySubject);
        String why = OperatorReason.require(reason);
        Account account = AccountVersions.asRead(accounts, id, ifMatch);
        UnlinkOutcome outcome = identityLinks.unlink(id, connector, subject, Optional.of(account.updatedAt()),
                operatorAudit.initiator(operator, request, why));
        if (outcome instanceof UnlinkOutcome.AccountNotFound) {
            throw notFound(id);
        }
        if (outcome instanceof UnlinkOutcome.Changed) {
            throw EntityTags.changedMeanwhile();
        }
        if (outcome instanceof UnlinkOutcome.NotLinked) {
            throw new NotFoundException("That legacy identity is not linked to account " + id + ".");
        }
        UnlinkOutcome.Unlinked unlinked = (UnlinkOutcome.Unlinked) outcome;
        Account now = accounts.findById(id).orElseThrow();
        return ResponseEntity.ok().eTag(EntityTags.of(now.updatedAt()))
                .body(new LinkResult(LinkedIdentityView.of(unlinked.removed()), unlinked.relyingPartiesTold(),
                        AccountSummary.of(now)));
    }

    private ProblemException alreadyMerged(UUID id) {
        return new ProblemException(HttpStatus.CONFLICT, Problems.ALREADY_MERGED, "Already merged", "Account " + id
                + " has been merged into another account: link the identity to that account.",
                merges.activeMergeOf(id).<Map<String, Object>>map(merge -> Map.of("merged_into",
                        merge.targetAccountId().toString())).orElse(Map.of()));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no account with id " + id + ".");
    }

    /** Connector ids and legacy subjects are compared exactly: nothing is trimmed, but they must be given. */
    static String require(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(parameter, "Give the " + parameter.replace('_', ' ') + ".");
        }
        if (value.length() > MAX_IDENTIFIER) {
            throw new InvalidRequestException(parameter, "At most " + MAX_IDENTIFIER + " characters.");
        }
        return value;
    }
}
