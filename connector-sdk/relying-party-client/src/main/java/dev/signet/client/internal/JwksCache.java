package dev.signet.client.internal;

import dev.signet.client.ProviderUnavailableException;
import dev.signet.client.UnknownSigningKeyException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signet's public signing keys. Honours the JWKS response's {@code Cache-Control: max-age}; a token whose
 * {@code kid} is not in the cached set makes it fetch once more (a key rotation), at most once per
 * {@code refetchInterval}; and through an outage of Signet the cached keys keep verifying for {@code outageGrace}.
 */
public final class JwksCache {

    private final CachedResource<JWKSet> keys;

    public JwksCache(Supplier<URI> jwksUri, HttpTransport http, Clock clock, Duration whenUnspecified,
            Duration longest, Duration refetchInterval, Duration outageGrace) {
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(http, "http");
        this.keys = new CachedResource<>("Signet's JWKS", () -> fetch(http, jwksUri.get(), whenUnspecified, longest),
                clock, refetchInterval, outageGrace);
    }

    /**
     * The keys that may have signed a token with this header: the one with its {@code kid}, of the right type,
     * curve and use. Without a {@code kid}, every key that fits (OpenID Connect Core §10.1 lets a provider with one
     * key leave it out).
     *
     * @throws UnknownSigningKeyException when no key fits, even after fetching the set again
     * @throws ProviderUnavailableException when the keys cannot be fetched and no usable copy is cached
     */
    public List<JWK> candidates(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        JWKSet set = keys.get();
        List<JWK> found = selector.select(set);
        if (!found.isEmpty()) {
            return found;
        }
        Optional<JWKSet> again = keys.refetch(set);
        if (again.isEmpty()) {
            throw new UnknownSigningKeyException(describe(header)
                    + " is not in Signet's JWKS, which was fetched too recently to be fetched again");
        }
        found = selector.select(again.get());
        if (found.isEmpty()) {
            throw new UnknownSigningKeyException(describe(header) + " is not in Signet's JWKS (fetched again)");
        }
        return found;
    }

    private static String describe(JWSHeader header) {
        return header.getKeyID() == null ? "No key for algorithm " + header.getAlgorithm()
                : "The key " + header.getKeyID() + " (" + header.getAlgorithm() + ")";
    }

    private static CachedResource.Fetched<JWKSet> fetch(HttpTransport http, URI uri, Duration whenUnspecified,
            Duration longest) {
        HttpTransport.Response response = http.get("JWKS endpoint", uri,
                Map.of("Accept", "application/jwk-set+json, application/json"));
        if (!response.ok()) {
            throw new ProviderUnavailableException("Signet's JWKS " + uri + " answered " + response.status());
        }
        try {
            return new CachedResource.Fetched<>(JWKSet.parse(response.body()),
                    CacheControl.freshness(response.headers(), whenUnspecified, longest));
        } catch (ParseException e) {
            throw new ProviderUnavailableException("Signet's JWKS " + uri + " is not a JWK Set: " + e.getMessage());
        }
    }
}
