package dev.signet.admin.relyingparties;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.ConflictException;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.admin.web.Page;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listing, reading, registering and changing relying parties. A change is one conditional write and its audit entry
 * in one transaction; identity-server reads relying parties from the database on every request, so the change holds
 * on every instance from the commit.
 */
@RestController
@RequestMapping("/relying-parties")
@Tag(name = "Relying parties", description = "Services that sign citizens in (read: admin.read; changes: "
        + "admin.manage)")
public class RelyingPartyController {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ManagedRelyingPartyRepository relyingParties;
    private final RegistrationValidator validator;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;

    public RelyingPartyController(ManagedRelyingPartyRepository relyingParties, RegistrationValidator validator,
            OperatorAudit operatorAudit, TransactionOperations transactions) {
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @GetMapping
    @Operation(summary = "List relying parties", description = "Ordered by client id, enabled or not, "
            + "file-declared or not; pass next_cursor as cursor for the next page.")
    public Page<RelyingPartyView> list(
            @Parameter(description = "next_cursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @RequestParam(required = false)
            Integer limit) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidRequestException("limit", "Give a page size from 1 to " + MAX_PAGE + ".");
        }
        List<ManagedRelyingParty> found = relyingParties.page(ClientIdCursors.decode(cursor), size + 1);
        boolean more = found.size() > size;
        List<ManagedRelyingParty> page = more ? found.subList(0, size) : found;
        return new Page<>(page.stream().map(RelyingPartyView::of).toList(),
                more ? ClientIdCursors.encode(page.get(page.size() - 1).clientId()) : null);
    }

    @GetMapping("/{clientId}")
    @Operation(summary = "Read a relying party", description = "The ETag is its version: send it in If-Match on "
            + "changes.")
    public ResponseEntity<RelyingPartyView> get(@PathVariable String clientId) {
        ManagedRelyingParty managed = existing(clientId);
        return ResponseEntity.ok().eTag(EntityTags.of(managed.updatedAt())).body(RelyingPartyView.of(managed));
    }

    @PostMapping
    @Operation(summary = "Register a relying party", description = "Send an Idempotency-Key. For "
            + "client_secret_basic and client_secret_post, Signet generates the secret and returns it in "
            + "client_secret this once (it keeps only its SHA-256); the response is therefore never replayed for "
            + "the same Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it")
    @ApiResponse(responseCode = "400", description = "A field is not valid (invalid-request, errors name them)")
    @ApiResponse(responseCode = "409", description = "The client id is taken (invalid-transition)")
    public ResponseEntity<Registered> register(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
                    implementation = RelyingPartyRequest.class))) @RequestBody Map<String, Object> document,
            Authentication operator, HttpServletRequest request) {
        RelyingPartyRequest body = RegistrationDocuments.read(document);
        Optional<ClientSecrets.NewSecret> secret = usesSecret(body) ? Optional.of(ClientSecrets.generate())
                : Optional.empty();
        RegistrationValidator.Valid valid = validator.validate(body, Optional.empty(),
                secret.map(ClientSecrets.NewSecret::sha256));
        ManagedRelyingParty created = transactions.execute(status -> {
            ManagedRelyingParty stored = relyingParties.create(valid.registration(), valid.sectorIdentifierUri())
                    .orElseThrow(() -> new ConflictException("There is already a relying party with client id "
                            + body.clientId() + ". Choose another, or change that one with PUT.",
                            Map.of("client_id", body.clientId())));
            operatorAudit.record(operator, request, RelyingPartyAuditEvents.REGISTERED, Optional.empty(), Map.of(
                    "client_id", stored.clientId(),
                    "auth_method", stored.registration().authMethod().value()));
            return stored;
        });
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/relying-parties/" + created.clientId()))
                .eTag(EntityTags.of(created.updatedAt()));
        if (secret.isPresent()) {
            // A secret must not be kept anywhere: not by caches, not by the idempotency store.
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response.body(new Registered(RelyingPartyView.of(created),
                secret.map(ClientSecrets.NewSecret::secret).orElse(null)));
    }

    @PutMapping("/{clientId}")
    @Operation(summary = "Replace a relying party's registration", description = "The whole registration, as for "
            + "registering (client_id may be left out); fields left out take their defaults. Needs If-Match. Secrets "
            + "are not changed here (see the client-secret endpoint); the pairwise sector never changes. Once "
            + "changed here, the relying-party file no longer overwrites it.")
    @ApiResponse(responseCode = "200", description = "Changed; the ETag is the new version")
    @ApiResponse(responseCode = "412", description = "Changed by someone else since it was read")
    @ApiResponse(responseCode = "428", description = "No If-Match")
    public ResponseEntity<RelyingPartyView> replace(@PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
                    implementation = RelyingPartyRequest.class))) @RequestBody Map<String, Object> document,
            Authentication operator, HttpServletRequest request) {
        RelyingPartyRequest body = RegistrationDocuments.read(document);
        if (body.clientId() != null && !body.clientId().equals(clientId)) {
            throw new InvalidRequestException("client_id", "A client id cannot change: register a new client.");
        }
        return update(clientId, ifMatch, current -> body.withClientId(clientId), operator, request);
    }

    @PatchMapping(path = "/{clientId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change some fields of a relying party", description = "A JSON merge patch (RFC 7396) of "
            + "the registration: the fields given replace the current ones, null removes one (it takes its default). "
            + "Needs If-Match.")
    public ResponseEntity<RelyingPartyView> patch(@PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Map<String, Object> patch, Authentication operator, HttpServletRequest request) {
        if (patch.containsKey("client_id") && !clientId.equals(patch.get("client_id"))) {
            throw new InvalidRequestException("client_id", "A client id cannot change: register a new client.");
        }
        return update(clientId, ifMatch, current -> merge(current.asRequest(), patch), operator, request);
    }

    private ResponseEntity<RelyingPartyView> update(String clientId, String ifMatch,
            Function<RelyingPartyView, RelyingPartyRequest> change, Authentication operator,
            HttpServletRequest request) {
        ManagedRelyingParty current = existing(clientId);
        EntityTags.requireMatch(ifMatch, EntityTags.of(current.updatedAt()));
        RelyingPartyView before = RelyingPartyView.of(current);
        // Validation may fetch a sector identifier document: done before the transaction, the write stays short.
        RegistrationValidator.Valid valid = validator.validate(change.apply(before), Optional.of(current),
                Optional.empty());
        ManagedRelyingParty updated = transactions.execute(status -> {
            ManagedRelyingParty stored = relyingParties.update(valid.registration(), valid.sectorIdentifierUri(),
                    current.updatedAt()).orElseThrow(EntityTags::changedMeanwhile);
            operatorAudit.record(operator, request, RelyingPartyAuditEvents.UPDATED, Optional.empty(), Map.of(
                    "client_id", clientId, "changed", String.join(",", changedFields(before,
                            RelyingPartyView.of(stored)))));
            return stored;
        });
        return ResponseEntity.ok().eTag(EntityTags.of(updated.updatedAt())).body(RelyingPartyView.of(updated));
    }

    private ManagedRelyingParty existing(String clientId) {
        return relyingParties.find(clientId)
                .orElseThrow(() -> new NotFoundException("There is no relying party with client id " + clientId
                        + "."));
    }

    private static boolean usesSecret(RelyingPartyRequest body) {
        return "client_secret_basic".equals(body.tokenEndpointAuthMethod())
                || "client_secret_post".equals(body.tokenEndpointAuthMethod());
    }

    /** RFC 7396 on the registration's top-level members (none of its values is merged deeper than that). */
    private static RelyingPartyRequest merge(RelyingPartyRequest current, Map<String, Object> patch) {
        Map<String, Object> document = RegistrationDocuments.write(current);
        patch.forEach((name, value) -> {
            if (value == null) {
                document.remove(name);
            } else {
                document.put(name, value);
            }
        });
        return RegistrationDocuments.read(document);
    }

    /** The names of the registration fields that differ, for the audit entry. */
    @SuppressWarnings("unchecked")
    private static List<String> changedFields(RelyingPartyView before, RelyingPartyView after) {
        Map<String, Object> old = new TreeMap<>(JSON.convertValue(before, Map.class));
        Map<String, Object> now = new TreeMap<>(JSON.convertValue(after, Map.class));
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        names.removeAll(List.of("updated_at", "source"));
        return names.stream().filter(name -> !Objects.equals(old.get(name), now.get(name))).toList();
    }

    /**
     * A registered relying party and, for a secret method, its secret: shown this once.
     *
     * @param clientSecret the new secret, or null when the method uses none
     */
    public record Registered(
            @JsonProperty("relying_party") RelyingPartyView relyingParty,
            @JsonProperty("client_secret") String clientSecret) {
    }
}
