package dev.signet.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import dev.signet.core.keys.KeyEncryption;
import dev.signet.core.keys.KeySchedule;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKey;
import dev.signet.core.keys.SigningKeyRepository;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * This instance's copy of the signing keys, decrypted once and reloaded from the database every
 * {@code signet.keys.refresh-interval} (never per token). Which key signs and which are published is decided at each
 * call from the clock, so every instance switches to a new key at the same moment.
 */
final class SigningKeyCache {

    /** A stored key with its decrypted private JWK and a ready signer. */
    record LoadedKey(SigningKey stored, JWK publicJwk, JWSSigner signer) {
    }

    private final SigningKeyRepository repository;
    private final KeyEncryption encryption;
    private final KeySchedule schedule;
    private final Provider ecProvider;
    private final Clock clock;
    private volatile Map<String, LoadedKey> keys = Map.of();

    /**
     * @param ecProvider the JCA provider ES256 signs with; BouncyCastle, given the key in its own class, is the fastest
     *     measured on JDK 17 and 25 (docs/benchmarks.md, third round)
     */
    SigningKeyCache(SigningKeyRepository repository, KeyEncryption encryption, KeySchedule schedule,
            Provider ecProvider, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.ecProvider = Objects.requireNonNull(ecProvider, "ecProvider");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reloads the unexpired keys; keys already loaded are kept as they are, new ones decrypted.
     *
     * @throws KeyEncryption.KeyDecryptionException when a new key does not open under the key-encryption key
     */
    void refresh() {
        Map<String, LoadedKey> previous = keys;
        Map<String, LoadedKey> next = new HashMap<>();
        for (SigningKey key : repository.findUnexpired(clock.instant())) {
            LoadedKey loaded = previous.get(key.kid());
            next.put(key.kid(), loaded != null ? loaded : load(key));
        }
        keys = Map.copyOf(next);
    }

    Optional<LoadedKey> signingKey(SigningAlgorithm algorithm) {
        Map<String, LoadedKey> current = keys;
        return schedule.signingKey(algorithm, stored(current), clock.instant())
                .map(key -> current.get(key.kid()));
    }

    /** Public JWKs of every key published now, in order of activation (then kid), the same on every instance. */
    List<JWK> publishedKeys() {
        Map<String, LoadedKey> current = keys;
        return schedule.published(stored(current), clock.instant()).stream()
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
                .map(key -> current.get(key.kid()).publicJwk())
                .toList();
    }

    private static List<SigningKey> stored(Map<String, LoadedKey> keys) {
        return keys.values().stream().map(LoadedKey::stored).toList();
    }

    private LoadedKey load(SigningKey key) {
        byte[] privateJwk = encryption.open(key.kid(), key.sealedPrivateKey());
        try {
            JWK jwk = JWK.parse(new String(privateJwk, StandardCharsets.UTF_8));
            if (!key.kid().equals(jwk.getKeyID())) {
                throw new IllegalStateException("Signing key " + key.kid() + " holds a private key for another kid");
            }
            return new LoadedKey(key, JWK.parse(key.publicJwk()), signer(key.algorithm(), jwk));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Signing key " + key.kid() + " cannot be read", e);
        } finally {
            Arrays.fill(privateJwk, (byte) 0);
        }
    }

    /**
     * The private key as an object of the signing provider's own class. Handed the JDK's key object, BouncyCastle
     * rebuilds the curve and its table of precomputed multiples of the generator at every signature (about 250 µs a
     * token); with its own key, decoded from the key's PKCS #8 form (which names the curve), the table is built once
     * (about 85 µs, JDK 17 and 25 alike; SunEC takes about 145 µs on JDK 25 and 500 µs on JDK 17).
     */
    private PrivateKey providersOwnKey(JWK jwk) throws JOSEException {
        byte[] pkcs8 = jwk.toECKey().toECPrivateKey().getEncoded();
        try {
            return KeyFactory.getInstance("EC", ecProvider).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("The " + ecProvider.getName() + " provider cannot read an EC private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private JWSSigner signer(SigningAlgorithm algorithm, JWK jwk) throws JOSEException {
        return switch (algorithm) {
            case ES256 -> {
                ECDSASigner signer = new ECDSASigner(providersOwnKey(jwk), Curve.P_256);
                signer.getJCAContext().setProvider(ecProvider);
                yield signer;
            }
            case RS256 -> new RSASSASigner(jwk.toRSAKey());
        };
    }
}
