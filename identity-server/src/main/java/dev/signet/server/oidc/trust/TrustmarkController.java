package dev.signet.server.oidc.trust;

import dev.signet.server.config.SignetProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trustmark (RFC 8485 §5) that {@code vtm} in ID tokens points to: which credential vectors this provider can
 * assert, in the shape GOV.UK One Login publishes. Signet is its own trustmark provider.
 */
@RestController
class TrustmarkController {

    static final String PATH = "/trustmark";

    private final SignetProperties signet;
    private final AvailableTrust available;

    TrustmarkController(SignetProperties signet, AvailableTrust available) {
        this.signet = Objects.requireNonNull(signet, "signet");
        this.available = Objects.requireNonNull(available, "available");
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> trustmark() {
        Map<String, Object> trustmark = new LinkedHashMap<>();
        trustmark.put("idp", signet.issuer().toString());
        trustmark.put("trustmark_provider", signet.issuer().toString());
        trustmark.put("C", available.assertableVectors());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(trustmark);
    }
}
