package dev.signet.server.clients;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.signet.core.client.RelyingParty;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A relying party's public signing keys, inline or fetched from its JWKS URI (cached, refetched when a new key id
 * appears), for verifying its client assertions and request objects.
 */
public final class ClientKeys {

    /** Asymmetric algorithms only: there is no shared secret to verify an HMAC with (secrets are stored hashed). */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private record CacheKey(String clientId, String keys) {
    }

    private final ConcurrentHashMap<CacheKey, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    /** The client's key source, or empty when it has registered no keys. */
    public Optional<JWKSource<SecurityContext>> keysOf(RelyingParty rp) {
        if (rp.jwks().isPresent()) {
            String jwks = rp.jwks().get();
            return Optional.of(sources.computeIfAbsent(new CacheKey(rp.clientId(), jwks), key -> inline(jwks)));
        }
        return rp.jwksUri().map(uri -> sources.computeIfAbsent(new CacheKey(rp.clientId(), uri.toString()),
                key -> remote(uri)));
    }

    /** A JWT processor that accepts only signatures by the client's keys with asymmetric algorithms. */
    public Optional<DefaultJWTProcessor<SecurityContext>> processorFor(RelyingParty rp) {
        return keysOf(rp).map(source -> {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
            // Claims are checked by the caller, which knows the audience and lifetime rules.
            processor.setJWTClaimsSetVerifier((claims, context) -> {
            });
            return processor;
        });
    }

    private static JWKSource<SecurityContext> inline(String jwks) {
        try {
            return new ImmutableJWKSet<>(JWKSet.parse(jwks));
        } catch (ParseException e) {
            throw new IllegalStateException("Stored client JWKS is not valid", e);
        }
    }

    private static JWKSource<SecurityContext> remote(URI uri) {
        try {
            return JWKSourceBuilder.create(uri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Stored client JWKS URI is not a URL", e);
        }
    }
}
