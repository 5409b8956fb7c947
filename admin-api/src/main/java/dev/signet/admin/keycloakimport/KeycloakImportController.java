package dev.signet.admin.keycloakimport;

import dev.signet.admin.web.Cursors;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.Page;
import dev.signet.admin.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Importing a departmental Keycloak realm (docs/keycloak-import.md): start an import ({@code admin.manage}), follow
 * it and read its per-user report ({@code admin.read}).
 */
@RestController
@RequestMapping("/keycloak-imports")
@Tag(name = "Keycloak imports")
public class KeycloakImportController {

    static final URI KEYCLOAK_REFUSED = URI.create("https://signet.dev/problems/keycloak-refused");
    static final URI KEYCLOAK_UNAVAILABLE = URI.create("https://signet.dev/problems/keycloak-unavailable");
    private static final int MAX_LIMIT = 500;

    private final KeycloakImports imports;
    private final JdbcKeycloakImportStore store;
    private final Clock clock;

    KeycloakImportController(KeycloakImports imports, JdbcKeycloakImportStore store, Clock clock) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostMapping
    @Operation(summary = "Start importing a Keycloak realm's users",
            description = "Checks the credentials and counts the realm's users, then imports them in the background: "
                    + "each becomes a Signet account (found again by its Keycloak id or email on a later run) with its "
                    + "Keycloak id linked as a legacy identity of the given oidc connector. No passwords: each "
                    + "citizen's first sign-in goes through the realm. Send an Idempotency-Key.")
    @ApiResponse(responseCode = "202", description = "Started; follow it at Location")
    @ApiResponse(responseCode = "400", description = "A parameter is not valid (invalid-request)")
    @ApiResponse(responseCode = "409", description = "An import into the same connector is running")
    @ApiResponse(responseCode = "422", description = "Keycloak refused the credentials or the realm (keycloak-refused)")
    @ApiResponse(responseCode = "502", description = "Keycloak did not answer (keycloak-unavailable)")
    public ResponseEntity<KeycloakImportView> start(@RequestBody(required = false) KeycloakImportRequest body,
            Authentication operator, HttpServletRequest request) {
        if (body == null) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        UUID id = imports.start(body.plan(), operator, request);
        return ResponseEntity.accepted().location(URI.create("/keycloak-imports/" + id))
                .body(KeycloakImportView.of(store.find(id).orElseThrow()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's progress and counts")
    @ApiResponse(responseCode = "200", description = "The import")
    @ApiResponse(responseCode = "404", description = "No such import")
    public KeycloakImportView get(@PathVariable UUID id) {
        store.failStale(clock.instant());
        return KeycloakImportView.of(store.find(id).orElseThrow(() -> new NotFoundException("No such import")));
    }

    @GetMapping("/{id}/users")
    @Operation(summary = "An import's per-user report",
            description = "One line per Keycloak user read, in the order read: created, updated, unchanged or "
                    + "rejected (with the reason), the Signet account and whether the Keycloak id is linked to it.")
    @ApiResponse(responseCode = "200", description = "A page of the report")
    @ApiResponse(responseCode = "404", description = "No such import")
    public Page<KeycloakImportUserView> users(@PathVariable UUID id,
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "lines per page, 1 to 500") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be 1 to " + MAX_LIMIT);
        }
        long after = cursor == null ? 0 : Cursors.decode(cursor)
                .orElseThrow(() -> new InvalidRequestException("cursor", "is not a cursor this API gave"));
        if (store.find(id).isEmpty()) {
            throw new NotFoundException("No such import");
        }
        List<JdbcKeycloakImportStore.ReportLine> lines = store.users(id, (int) after, limit + 1);
        boolean more = lines.size() > limit;
        List<JdbcKeycloakImportStore.ReportLine> shown = more ? lines.subList(0, limit) : lines;
        return new Page<>(shown.stream().map(line -> KeycloakImportUserView.of(line.user())).toList(),
                more ? Cursors.encode(shown.get(shown.size() - 1).position()) : null);
    }

    @ExceptionHandler(KeycloakRefusedException.class)
    ProblemDetail keycloakRefused(KeycloakRefusedException e) {
        return e.unreachable()
                ? Problems.of(HttpStatus.BAD_GATEWAY, KEYCLOAK_UNAVAILABLE, "Keycloak did not answer", e.getMessage())
                : Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, KEYCLOAK_REFUSED, "Keycloak refused", e.getMessage());
    }
}
