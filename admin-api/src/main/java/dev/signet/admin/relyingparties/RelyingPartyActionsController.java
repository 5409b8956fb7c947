package dev.signet.admin.relyingparties;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import dev.signet.admin.audit.OperatorAudit;
import dev.signet.admin.web.ConflictException;
import dev.signet.admin.web.EntityTags;
import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.NotFoundException;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.TokenEndpointAuthMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disabling and enabling relying parties, and rotating their credentials: a new client secret (with an optional
 * overlap during which the old one still works) or new public keys. Each needs If-Match and a reason, and is audited
 * in the change's own transaction.
 */
@RestController
@RequestMapping("/relying-parties/{clientId}")
@Tag(name = "Relying parties")
public class RelyingPartyActionsController {

    /** The longest a replaced secret may keep working. */
    static final Duration MAX_OVERLAP = Duration.ofDays(30);
    static final int MAX_REASON = 500;

    private final ManagedRelyingPartyRepository relyingParties;
    private final RegistrationValidator validator;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;
    private final Clock clock;

    public RelyingPartyActionsController(ManagedRelyingPartyRepository relyingParties,
            RegistrationValidator validator, OperatorAudit operatorAudit, TransactionOperations transactions,
            Clock clock) {
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why an operator acts, for the audit log. */
    public record ReasonRequest(String reason) {
    }

    @PostMapping("/disable")
    @Operation(summary = "Disable a relying party", description = "From the commit, identity-server treats it as "
            + "unknown: no new authorizations or tokens (invalid_client at the token endpoint), refresh tokens "
            + "refused. Needs If-Match, an Idempotency-Key and a reason.")
    @ApiResponse(responseCode = "409", description = "Already disabled (invalid-transition)")
    public ResponseEntity<RelyingPartyView> disable(@PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReasonRequest body, Authentication operator, HttpServletRequest request) {
        return setEnabled(clientId, false, ifMatch, body, operator, request);
    }

    @PostMapping("/enable")
    @Operation(summary = "Enable a disabled relying party again", description = "Needs If-Match, an "
            + "Idempotency-Key and a reason.")
    @ApiResponse(responseCode = "409", description = "Already enabled (invalid-transition)")
    public ResponseEntity<RelyingPartyView> enable(@PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReasonRequest body, Authentication operator, HttpServletRequest request) {
        return setEnabled(clientId, true, ifMatch, body, operator, request);
    }

    private ResponseEntity<RelyingPartyView> setEnabled(String clientId, boolean enabled, String ifMatch,
            ReasonRequest body, Authentication operator, HttpServletRequest request) {
        String reason = reason(body == null ? null : body.reason());
        ManagedRelyingParty result = transactions.execute(status -> {
            ManagedRelyingParty current = asRead(clientId, ifMatch);
            if (current.enabled() == enabled) {
                throw new ConflictException("The relying party is already " + (enabled ? "enabled" : "disabled")
                        + ".", Map.of("enabled", current.enabled()));
            }
            ManagedRelyingParty stored = relyingParties.setEnabled(clientId, enabled, current.updatedAt())
                    .orElseThrow(EntityTags::changedMeanwhile);
            operatorAudit.record(operator, request, enabled ? RelyingPartyAuditEvents.ENABLED
                    : RelyingPartyAuditEvents.DISABLED, Optional.empty(), Map.of("client_id", clientId,
                    "reason", reason));
            return stored;
        });
        return ResponseEntity.ok().eTag(EntityTags.of(result.updatedAt())).body(RelyingPartyView.of(result));
    }

    /**
     * @param previousSecretValidFor how long the secret being replaced keeps working (ISO 8601 duration such as
     *                               PT24H, at most P30D); absent or PT0S: it stops at once
     */
    public record SecretRotationRequest(@JsonProperty("previous_secret_valid_for") String previousSecretValidFor,
            String reason) {
    }

    /**
     * The new secret, shown this once.
     *
     * @param previousSecretExpiresAt until when the replaced secret still works; null when it stopped at once
     */
    public record SecretRotated(@JsonProperty("client_secret") String clientSecret,
            @JsonProperty("previous_secret_expires_at") String previousSecretExpiresAt,
            @JsonProperty("relying_party") RelyingPartyView relyingParty) {
    }

    @PostMapping("/client-secret")
    @Operation(summary = "Rotate a client secret", description = "For client_secret_basic and client_secret_post "
            + "clients. Signet generates the new secret and returns it this once (Cache-Control: no-store; never "
            + "replayed for the Idempotency-Key). With previous_secret_valid_for the old secret keeps working until "
            + "then, so the service can deploy the new one first; without, it stops at once (for a leaked secret). "
            + "Needs If-Match and a reason.")
    @ApiResponse(responseCode = "409", description = "The client does not use a secret (invalid-transition)")
    public ResponseEntity<SecretRotated> rotateSecret(@PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SecretRotationRequest body, Authentication operator, HttpServletRequest request) {
        String reason = reason(body == null ? null : body.reason());
        Duration overlap = overlap(body == null ? null : body.previousSecretValidFor());
        ClientSecrets.NewSecret secret = ClientSecrets.generate();
        Optional<Instant> previousUntil = overlap.isZero() ? Optional.empty()
                : Optional.of(clock.instant().plus(overlap));
        ManagedRelyingParty result = transactions.execute(status -> {
            ManagedRelyingParty current = asRead(clientId, ifMatch);
            if (!current.registration().authMethod().usesSecret()) {
                throw new ConflictException("This client authenticates with "
                        + current.registration().authMethod().value() + ", not a secret: replace its keys instead.",
                        Map.of("token_endpoint_auth_method", current.registration().authMethod().value()));
            }
            ManagedRelyingParty stored = relyingParties.rotateSecret(clientId, secret.sha256(), previousUntil,
                    current.updatedAt()).orElseThrow(EntityTags::changedMeanwhile);
            operatorAudit.record(operator, request, RelyingPartyAuditEvents.SECRET_ROTATED, Optional.empty(),
                    Map.of("client_id", clientId, "reason", reason, "overlap_until",
                            previousUntil.map(Instant::toString).orElse("none")));
            return stored;
        });
        return ResponseEntity.ok().eTag(EntityTags.of(result.updatedAt()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new SecretRotated(secret.secret(), previousUntil.map(Instant::toString).orElse(null),
                        RelyingPartyView.of(result)));
    }

    /** New public keys: exactly one of an inline key set and a JWKS URI. */
    public record KeysRequest(Map<String, Object> jwks, @JsonProperty("jwks_uri") String jwksUri, String reason) {
    }

    @PutMapping("/keys")
    @Operation(summary = "Replace a relying party's public keys", description = "The key set its private_key_jwt "
            + "assertions and request objects are verified with: inline (jwks) or by URL (jwks_uri, https). Takes "
            + "effect at once on every instance; to roll keys without an outage, publish the new key next to the old "
            + "one first. Needs If-Match and a reason.")
    public ResponseEntity<RelyingPartyView> replaceKeys(@PathVariable String clientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody KeysRequest body, Authentication operator, HttpServletRequest request) {
        String reason = reason(body.reason());
        if ((body.jwks() == null) == (body.jwksUri() == null)) {
            throw new InvalidRequestException("jwks", "Give exactly one of jwks and jwks_uri.");
        }
        ManagedRelyingParty current = asRead(clientId, ifMatch);
        if (current.registration().authMethod() == TokenEndpointAuthMethod.NONE
                && current.registration().jwks().isEmpty() && current.registration().jwksUri().isEmpty()) {
            throw new ConflictException("A public client has no keys to replace.", Map.of(
                    "token_endpoint_auth_method", "none"));
        }
        RelyingPartyRequest changed = RelyingPartyView.of(current).asRequest().withKeys(body.jwks(), body.jwksUri());
        RegistrationValidator.Valid valid = validator.validate(changed, Optional.of(current), Optional.empty());
        ManagedRelyingParty result = transactions.execute(status -> {
            ManagedRelyingParty stored = relyingParties.update(valid.registration(), valid.sectorIdentifierUri(),
                    current.updatedAt()).orElseThrow(EntityTags::changedMeanwhile);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("client_id", clientId);
            details.put("reason", reason);
            details.put("keys", valid.registration().jwks().map(RelyingPartyActionsController::keyIds)
                    .orElseGet(() -> "jwks_uri " + valid.registration().jwksUri().orElseThrow()));
            operatorAudit.record(operator, request, RelyingPartyAuditEvents.KEYS_REPLACED, Optional.empty(),
                    details);
            return stored;
        });
        return ResponseEntity.ok().eTag(EntityTags.of(result.updatedAt())).body(RelyingPartyView.of(result));
    }

    private ManagedRelyingParty asRead(String clientId, String ifMatch) {
        ManagedRelyingParty current = relyingParties.find(clientId)
                .orElseThrow(() -> new NotFoundException("There is no relying party with client id " + clientId
                        + "."));
        EntityTags.requireMatch(ifMatch, EntityTags.of(current.updatedAt()));
        return current;
    }

    private static String keyIds(String jwks) {
        try {
            return "kid " + JWKSet.parse(jwks).getKeys().stream()
                    .map(key -> key.getKeyID() == null ? "(none)" : key.getKeyID()).collect(Collectors.joining(","));
        } catch (ParseException e) {
            return "jwks";
        }
    }

    private static Duration overlap(String value) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Duration overlap;
        try {
            overlap = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("previous_secret_valid_for", "Give an ISO 8601 duration such as PT24H.");
        }
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidRequestException("previous_secret_valid_for", "Give a duration from PT0S to P30D.");
        }
        return overlap;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "Say why (for example a ticket number): it goes to the "
                    + "audit log.");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new InvalidRequestException("reason", "A reason may be at most " + MAX_REASON + " characters.");
        }
        return stripped;
    }
}
