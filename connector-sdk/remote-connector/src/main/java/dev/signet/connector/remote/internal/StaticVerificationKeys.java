package dev.signet.connector.remote.internal;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.List;

/** Public keys given in configuration: one JWK, or a JWK set. */
public final class StaticVerificationKeys implements VerificationKeys {

    private final JWKSet keys;

    private StaticVerificationKeys(JWKSet keys) {
        this.keys = keys;
    }

    /**
     * The public keys in {@code json}, a JWK or a JWK set.
     *
     * @throws IllegalArgumentException when it is neither, or holds a private key (which belongs to the other end)
     */
    public static StaticVerificationKeys parse(String json) {
        JWKSet set;
        try {
            set = json.contains("\"keys\"") ? JWKSet.parse(json) : new JWKSet(JWK.parse(json));
        } catch (ParseException e) {
            throw new IllegalArgumentException("is neither a JWK nor a JWK set");
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException("holds no key");
        }
        if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
            throw new IllegalArgumentException("holds a private key: give only the public key");
        }
        return new StaticVerificationKeys(set);
    }

    @Override
    public List<JWK> candidates(JWSHeader header) {
        return new JWKSelector(JWKMatcher.forJWSHeader(header)).select(keys);
    }
}
