package dev.signet.admin.connectors;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.ConflictException;
import dev.signet.admin.web.Cursors;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.Page;
import dev.signet.connector.ConnectorTypes;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorStore;
import dev.signet.core.connectors.StoredConnector;
import dev.signet.core.connectors.jdbc.JdbcMigrationProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legacy sign-in connectors: list, view, create, replace, disable, enable, test, and migration progress. Every change
 * is written with its audit entry in one transaction; identity-server instances notice it on their next check of the
 * connector catalog ({@code signet.connectors.refresh-interval}) and open, reopen or close the connector.
 */
@RestController
@RequestMapping("/connectors")
@Tag(name = "Connectors", description = "Legacy sign-in connectors (admin.read to read, admin.manage to change)")
public class ConnectorController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ConnectorStore store;
    private final ConnectorTypes types;
    private final ConnectorSecrets secrets;
    private final ConnectorRequests requests;
    private final ReachabilityTest reachability;
    private final StillToCome stillToCome;
    private final JdbcMigrationProgress progress;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;

    public ConnectorController(ConnectorStore store, ConnectorTypes types, ConnectorSecrets secrets,
            JdbcMigrationProgress progress, OperatorAudit operatorAudit, TransactionOperations transactions,
            ExecutorService connectorChecks, ConnectorAdminProperties properties) {
        this.store = Objects.requireNonNull(store, "store");
        this.types = Objects.requireNonNull(types, "types");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.requests = new ConnectorRequests(types, secrets);
        this.reachability = new ReachabilityTest(types, connectorChecks, properties.testTimeout());
        this.stillToCome = new StillToCome(types, progress, connectorChecks, properties.progressTimeout(),
                properties.progressMaxUsers());
    }

    @GetMapping
    @Operation(summary = "List connectors", description = "Every connector, enabled or not, from the connectors file "
            + "and the admin API, in creation order; secret settings redacted.")
    public Page<ConnectorView> list(
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "1 to 200; 50 by default") @RequestParam(required = false) Integer limit,
            Authentication operator, HttpServletRequest request) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "Give a limit from 1 to " + MAX_LIMIT + ".");
        }
        List<StoredConnector> page = store.page(Cursors.decode(cursor).orElse(0L), size + 1);
        boolean more = page.size() > size;
        List<StoredConnector> items = more ? page.subList(0, size) : page;
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_CONNECTORS_LISTED, Optional.empty(),
                Map.of("results", Integer.toString(items.size())));
        return new Page<>(items.stream().map(ConnectorView::of).toList(),
                more ? Cursors.encode(items.get(items.size() - 1).seq()) : null);
    }

    @GetMapping("/types")
    @Operation(summary = "The connector types and the settings each accepts",
            description = "What to send in settings when creating a connector: each setting's name, kind "
                    + "(TEXT, SECRET, INTEGER, BOOLEAN, DURATION, CHOICE), whether it is required, its default, "
                    + "and a description.")
    public List<ConnectorTypeView> connectorTypes() {
        return types.names().stream().map(name -> ConnectorTypeView.of(types.find(name).orElseThrow())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "View a connector", description = "Its settings with secret ones redacted. The ETag is its "
            + "version: send it in If-Match on changes.")
    public ResponseEntity<ConnectorView> view(@PathVariable String id, Authentication operator,
            HttpServletRequest request) {
        StoredConnector stored = existing(id);
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_CONNECTOR_VIEWED, Optional.empty(),
                Map.of("connector", id, "view", "connector"));
        return ResponseEntity.ok().eTag(ConnectorView.entityTag(stored)).body(ConnectorView.of(stored));
    }

    @PostMapping
    @Operation(summary = "Create a connector", description = "Send an Idempotency-Key. Settings are checked against "
            + "the type's own description; every problem is reported at once, each naming its field "
            + "(settings.<name> for a setting). Secret settings are encrypted at rest and never shown again.")
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag given")
    @ApiResponse(responseCode = "400", description = "A field or setting is wrong (invalid-request, with errors)")
    @ApiResponse(responseCode = "409", description = "A connector with this id exists")
    public ResponseEntity<ConnectorView> create(@RequestBody ConnectorRequest body, Authentication operator,
            HttpServletRequest request) {
        ConnectorRecord connector = requests.toRecord(body.id(), body, Optional.empty());
        StoredConnector created = transactions.execute(status -> {
            StoredConnector stored;
            try {
                stored = store.create(connector);
            } catch (ConnectorStore.AlreadyExistsException e) {
                throw new ConflictException("A connector with id " + connector.id() + " exists already: read it, "
                        + "and replace it with PUT if it should change.", Map.of("id", connector.id()));
            }
            operatorAudit.record(operator, request, AuditEventType.OPERATOR_CONNECTOR_CREATED, Optional.empty(),
                    Map.of("connector", connector.id(), "type", connector.type(),
                            "enabled", Boolean.toString(connector.enabled())));
            return stored;
        });
        return ResponseEntity.created(URI.create("/connectors/" + created.id()))
                .eTag(ConnectorView.entityTag(created)).body(ConnectorView.of(created));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a connector", description = "Send the whole connector as on creation, with the "
            + "ETag you read in If-Match. Secret settings left out keep their stored values. The type cannot "
            + "change. A connector from the connectors file becomes managed by the admin API: the file's entry is "
            + "ignored from then on.")
    @ApiResponse(responseCode = "200", description = "Replaced; the ETag is the new version")
    @ApiResponse(responseCode = "412", description = "Changed since you read it")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<ConnectorView> replace(@PathVariable String id, @RequestBody ConnectorRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication operator,
            HttpServletRequest request) {
        if (body.id() != null && !body.id().equals(id)) {
            throw new InvalidRequestException("id", "A connector's id cannot change; leave id out or repeat " + id
                    + ".");
        }
        StoredConnector current = asRead(id, ifMatch);
        ConnectorRecord replacement = requests.toRecord(id, body, Optional.of(current.connector()));
        StoredConnector updated = write(current, replacement, AuditEventType.OPERATOR_CONNECTOR_UPDATED,
                Map.of("changed", String.join(",", changed(current.connector(), replacement))), operator, request);
        return ResponseEntity.ok().eTag(ConnectorView.entityTag(updated)).body(ConnectorView.of(updated));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a connector", description = "Citizens can no longer sign in through it: it "
            + "disappears from the old-account sign-in page within signet.connectors.refresh-interval. Linked "
            + "identities stay. Send If-Match and an Idempotency-Key.")
    public ResponseEntity<ConnectorView> disable(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication operator,
            HttpServletRequest request) {
        return enabled(id, false, ifMatch, operator, request);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a connector again", description = "Send If-Match and an Idempotency-Key.")
    public ResponseEntity<ConnectorView> enable(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication operator,
            HttpServletRequest request) {
        return enabled(id, true, ifMatch, operator, request);
    }

    private ResponseEntity<ConnectorView> enabled(String id, boolean enabled, String ifMatch, Authentication operator,
            HttpServletRequest request) {
        StoredConnector current = asRead(id, ifMatch);
        StoredConnector updated = write(current, current.connector().withEnabled(enabled),
                enabled ? AuditEventType.OPERATOR_CONNECTOR_ENABLED : AuditEventType.OPERATOR_CONNECTOR_DISABLED,
                Map.of(), operator, request);
        return ResponseEntity.ok().eTag(ConnectorView.entityTag(updated)).body(ConnectorView.of(updated));
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Test a connector's reachability",
            description = "Opens the connector from its stored settings and asks the old system something harmless "
                    + "(a user who does not exist, or preparing an upstream sign-in) within "
                    + "signet.admin.connectors.test-timeout. Answers reachable or unreachable with the connector's "
                    + "reason; changes nothing. Send an Idempotency-Key (a retry replays the answer).")
    public ReachabilityResult test(@PathVariable String id, Authentication operator, HttpServletRequest request) {
        StoredConnector stored = existing(id);
        ReachabilityResult result = reachability.test(secrets.definition(stored.connector()));
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_CONNECTOR_TESTED, Optional.empty(),
                Map.of("connector", id, "result", result.result()));
        return result;
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Migration progress of a connector",
            description = "Identities linked, passwords carried over, sign-ins through it, and, when the connector "
                    + "can list the old system's users, how many there are and how many are not linked yet.")
    public MigrationProgressView progress(@PathVariable String id, Authentication operator,
            HttpServletRequest request) {
        StoredConnector stored = existing(id);
        operatorAudit.record(operator, request, AuditEventType.OPERATOR_CONNECTOR_VIEWED, Optional.empty(),
                Map.of("connector", id, "view", "progress"));
        JdbcMigrationProgress.Counts counts = progress.counts(id);
        StillToCome.Count count = stillToCome.count(secrets.definition(stored.connector()));
        return new MigrationProgressView(id, counts.linkedIdentities(), counts.passwordsMigrated(), counts.signIns(),
                count.legacyUsers().orElse(null), count.stillToCome().orElse(null), count.listing(),
                count.reason().orElse(null));
    }

    private StoredConnector existing(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("There is no connector with id " + id + "."));
    }

    private StoredConnector asRead(String id, String ifMatch) {
        StoredConnector current = existing(id);
        EntityTags.requireMatch(ifMatch, ConnectorView.entityTag(current));
        return current;
    }

    private StoredConnector write(StoredConnector current, ConnectorRecord replacement, AuditEventType event,
            Map<String, String> details, Authentication operator, HttpServletRequest request) {
        return transactions.execute(status -> {
            StoredConnector updated = store.update(replacement, current.version())
                    .orElseThrow(EntityTags::changedMeanwhile);
            Map<String, String> all = new TreeMap<>(details);
            all.put("connector", current.id());
            operatorAudit.record(operator, request, event, Optional.empty(), all);
            return updated;
        });
    }

    /** The names of what a replace changes: fields, and settings by name (never their values). */
    private static List<String> changed(ConnectorRecord before, ConnectorRecord after) {
        List<String> changed = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            changed.add("display_name");
        }
        if (!before.welshDisplayName().equals(after.welshDisplayName())) {
            changed.add("welsh_display_name");
        }
        if (!before.department().equals(after.department())) {
            changed.add("department");
        }
        if (!before.migration().equals(after.migration())) {
            changed.add("migration");
        }
        if (before.enabled() != after.enabled()) {
            changed.add("enabled");
        }
        TreeSet<String> names = new TreeSet<>(before.settings().keySet());
        names.addAll(after.settings().keySet());
        names.stream().filter(name -> !Objects.equals(before.settings().get(name), after.settings().get(name)))
                .forEach(name -> changed.add("settings." + name));
        // Secret values are sealed with fresh nonces each time: whether one changed is not told, only their names.
        if (!before.secrets().names().equals(after.secrets().names())) {
            changed.add("secret_settings");
        }
        return changed;
    }
}
