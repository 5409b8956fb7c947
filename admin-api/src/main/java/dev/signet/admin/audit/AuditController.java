package dev.signet.admin.audit;

import dev.signet.admin.web.Cursors;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.Page;
import dev.signet.core.audit.ActorType;
import dev.signet.core.audit.AuditChain;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditPage;
import dev.signet.core.audit.ChainVerification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Reading, verifying and exporting the audit log (scope {@code audit.read}). Each of these is audited too. */
@RestController
@RequestMapping("/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit log (scope audit.read)")
public class AuditController {

    /** JSON Lines: one JSON object per line. */
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final AuditLog auditLog;
    private final OperatorAudit operatorAudit;
    private final Clock clock;

    public AuditController(AuditLog auditLog, OperatorAudit operatorAudit, Clock clock) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @GetMapping
    @Operation(summary = "Search the audit log, newest first",
            description = "Every filter is optional; all given must hold. Pages are followed with next_cursor.")
    public Page<AuditEntryView> search(
            @Parameter(description = "Entries about this account id") @RequestParam(required = false) String account,
            @Parameter(description = "Entries by this actor id (operator subject, account id, component)")
            @RequestParam(required = false) String actor,
            @Parameter(description = "Entries by this kind of actor: OPERATOR, CITIZEN, ANONYMOUS, SYSTEM")
            @RequestParam(name = "actor_type", required = false) String actorType,
            @Parameter(description = "Entries of this type (repeat for several), such as sign_in.failed")
            @RequestParam(name = "type", required = false) List<String> types,
            @Parameter(description = "Entries that occurred at or after this instant (RFC 3339)")
            @RequestParam(required = false) String from,
            @Parameter(description = "Entries that occurred before this instant (RFC 3339)")
            @RequestParam(required = false) String to,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @RequestParam(required = false) Integer limit,
            Authentication operator, HttpServletRequest request) {
        Criteria criteria = criteria(account, actor, actorType, types, from, to);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "Give a page size from 1 to " + MAX_LIMIT + ".");
        }
        AuditPage page = auditLog.find(criteria.filter(), Cursors.decode(cursor), size);
        Map<String, String> details = new TreeMap<>(criteria.described());
        details.put("results", String.valueOf(page.entries().size()));
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_AUDIT_SEARCHED, criteria.filter().accountId(),
                details);
        return new Page<>(page.entries().stream().map(AuditEntryView::of).toList(),
                page.nextBefore().map(Cursors::encode).orElse(null));
    }

    @GetMapping("/verify")
    @Operation(summary = "Check every link of the audit log's hash chain",
            description = "Recomputes every entry's hash and link; reports the first broken link, if any.")
    public ChainVerificationView verify(Authentication operator, HttpServletRequest request) {
        ChainVerification result = auditLog.verify();
        ChainVerificationView view = ChainVerificationView.of(result);
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_AUDIT_VERIFIED, Optional.empty(),
                view.brokenAt() == null ? Map.of("result", "intact", "entries", String.valueOf(view.entries()))
                        : Map.of("result", "broken", "broken_at", String.valueOf(view.brokenAt())));
        return view;
    }

    @GetMapping(value = "/export", produces = "application/jsonl")
    @Operation(summary = "Export matching entries as JSON Lines, oldest first",
            description = "One canonical JSON document per line, with its hash; see docs/audit-log.md to verify it.")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String actor,
            @RequestParam(name = "actor_type", required = false) String actorType,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Authentication operator, HttpServletRequest request) {
        Criteria criteria = criteria(account, actor, actorType, types, from, to);
        // Audited before the first byte: an export that fails halfway was still an export.
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_AUDIT_EXPORTED, criteria.filter().accountId(),
                criteria.described());
        StreamingResponseBody body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            auditLog.forEach(criteria.filter(), entry -> {
                try {
                    writer.write(AuditChain.exportLine(entry));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        String name = "signet-audit-" + AuditChain.formatTime(clock.instant()).replace(':', '-') + ".jsonl";
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    private record Criteria(AuditFilter filter, Map<String, String> described) {
    }

    private static Criteria criteria(String account, String actor, String actorType, List<String> types, String from,
            String to) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        Map<String, String> described = new TreeMap<>();
        Optional<UUID> accountId = Optional.empty();
        if (account != null) {
            try {
                accountId = Optional.of(UUID.fromString(account));
                described.put("filter_account", account);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.FieldError("account", "Give an account id (a UUID)."));
            }
        }
        Optional<ActorType> kind = Optional.empty();
        if (actorType != null) {
            try {
                kind = Optional.of(ActorType.valueOf(actorType.toUpperCase(Locale.ROOT)));
                described.put("filter_actor_type", kind.get().name());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.FieldError("actor_type",
                        "Give one of OPERATOR, CITIZEN, ANONYMOUS, SYSTEM."));
            }
        }
        if (actor != null) {
            described.put("filter_actor", actor);
        }
        Set<AuditEventType> eventTypes = Set.of();
        if (types != null && !types.isEmpty()) {
            try {
                eventTypes = types.stream().map(AuditEventType::new).collect(Collectors.toSet());
                described.put("filter_type", String.join(",", types.stream().sorted().toList()));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.FieldError("type",
                        "Give event types as dotted lower-case names, such as sign_in.failed."));
            }
        }
        Optional<Instant> start = instant("from", from, errors);
        Optional<Instant> end = instant("to", to, errors);
        start.ifPresent(value -> described.put("filter_from", from));
        end.ifPresent(value -> described.put("filter_to", to));
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            errors.add(new InvalidRequestException.FieldError("to", "Give a time after from."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Criteria(new AuditFilter(accountId, kind, Optional.ofNullable(actor), eventTypes, start, end),
                described);
    }

    private static Optional<Instant> instant(String name, String value, List<InvalidRequestException.FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidRequestException.FieldError(name,
                    "Give a time in RFC 3339 form, such as 2025-03-01T09:00:00Z."));
            return Optional.empty();
        }
    }
}
