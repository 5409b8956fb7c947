package dev.signet.server.federation;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.signet.connector.remote.SignsRequests;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys that verify Signet's requests to remote connectors, as one JWK set: a department's connector
 * server can fetch them here ({@code signet.jwks-url}) instead of being handed a key. These are not the keys that
 * sign ID tokens ({@code /oauth2/jwks}): a connector key signs nothing else, and requests carry their own {@code typ}.
 */
@RestController
class ConnectorKeysController {

    static final String PATH = "/connectors/jwks.json";

    private final ConnectorRegistry connectors;

    ConnectorKeysController(ConnectorRegistry connectors) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
    }

    @GetMapping(path = PATH, produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Map<String, Object>> keys() throws ParseException {
        Map<String, JWK> byKeyId = new LinkedHashMap<>();
        for (SignsRequests connector : connectors.withCapability(SignsRequests.class)) {
            JWK key = JWK.parse(connector.requestSigningPublicKey()).toPublicJWK();
            byKeyId.putIfAbsent(key.getKeyID(), key); // one key may sign for several connectors
        }
        // Short caching: a department picks up a new key within minutes, and at once on an unknown kid.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new JWKSet(new ArrayList<>(byKeyId.values())).toJSONObject(true));
    }
}
