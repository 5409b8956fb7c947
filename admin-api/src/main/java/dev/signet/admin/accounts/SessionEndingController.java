package dev.signet.admin.accounts;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.ProblemException;
import dev.signet.admin.web.Problems;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.sessions.AccountSession;
import dev.signet.core.sessions.AccountSessionDirectory;
import io.lettuce.core.RedisException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ending one of an account's live sessions, named by its {@code sid} as the account view lists it (scope
 * {@code admin.support}). The session must be live now (read from identity-server's Redis), so a mistyped or already
 * ended {@code sid} is a 404 rather than a silent success. In one transaction: a "end this session" command for
 * identity-server's worker (the outbox interventions use) and the audit entry; the worker then tells the session's
 * relying parties by back-channel logout, revokes the token families issued in it and deletes it.
 */
@RestController
@RequestMapping("/accounts/{id}/sessions/{sid}/end")
@Tag(name = "Account actions", description = "Interventions, second-factor resets and erasure (admin.support, "
        + "admin.manage)")
public class SessionEndingController {

    private final AccountRepository accounts;
    private final Optional<AccountSessionDirectory> liveSessions;
    private final SessionEndingOutbox sessionEndings;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;

    public SessionEndingController(AccountRepository accounts, ObjectProvider<AccountSessionDirectory> liveSessions,
            SessionEndingOutbox sessionEndings, OperatorAudit operatorAudit, TransactionOperations transactions) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.liveSessions = Optional.ofNullable(liveSessions.getIfAvailable());
        this.sessionEndings = Objects.requireNonNull(sessionEndings, "sessionEndings");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @PostMapping
    @Operation(summary = "End one session of an account",
            description = "Needs admin.support, an Idempotency-Key and a reason. The sid is one of the account "
                    + "view's sessions. Identity-server's worker ends the session shortly after: its next request is "
                    + "signed out, its relying parties get a back-channel logout token, its refresh tokens stop "
                    + "working. The account's other sessions go on.")
    @ApiResponse(responseCode = "202", description = "Queued for identity-server's worker")
    @ApiResponse(responseCode = "400", description = "Missing reason (invalid-request)")
    @ApiResponse(responseCode = "404", description = "No such account, or no live session of it with this sid")
    @ApiResponse(responseCode = "503", description = "Live sessions cannot be read (sessions-not-available): no "
            + "signet.redis.url, or Redis did not answer")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public SessionEndingResult end(@PathVariable UUID id, @PathVariable String sid,
            @RequestBody SessionEndingRequest body, Authentication operator, HttpServletRequest request) {
        String reason = OperatorReason.require(body.reason());
        if (accounts.findById(id).isEmpty()) {
            throw new NotFoundException("There is no account with id " + id + ".");
        }
        if (live(id).stream().noneMatch(session -> session.sid().equals(sid))) {
            throw new NotFoundException("Account " + id + " has no live session with sid " + sid + ". Read the "
                    + "account again: it may have ended already.");
        }
        transactions.executeWithoutResult(status -> {
            sessionEndings.enqueueOne(id, sid, SessionEndingReason.OPERATOR);
            operatorAudit.record(operator, request, AuditEventType.OPERATOR_SESSION_ENDED, Optional.of(id),
                    Map.of("sid", sid, "reason", reason));
        });
        return new SessionEndingResult(id.toString(), sid, true);
    }

    private List<AccountSession> live(UUID id) {
        AccountSessionDirectory directory = liveSessions.orElseThrow(() -> notAvailable(
                "The admin API does not read identity-server's sessions: set signet.redis.url to identity-server's "
                        + "Redis. Sessions kept in one identity-server's memory (the embedded default) cannot be "
                        + "ended from here; suspending the account ends them all."));
        try {
            return directory.findByAccount(id);
        } catch (RedisException unreachable) {
            throw notAvailable("Redis did not answer; try again shortly.");
        }
    }

    private static ProblemException notAvailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.SESSIONS_NOT_AVAILABLE,
                "Live sessions are not available", detail, Map.of());
    }
}
