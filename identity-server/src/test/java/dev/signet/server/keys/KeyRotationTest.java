package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.signet.core.keys.KeyEncryption;
import dev.signet.core.keys.KeySchedule;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKeyRepository;
import dev.signet.core.keys.inmemory.InMemorySigningKeyRepository;
import dev.signet.core.replay.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** Rotation and the in-memory key cache, with a clock the test moves. */
class KeyRotationTest {

    private static final Duration PERIOD = Duration.ofDays(30);
    private static final Duration OVERLAP = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final KeySchedule schedule = new KeySchedule(PERIOD, OVERLAP);
    private final KeyEncryption encryption = new KeyEncryption(kek(1), new SecureRandom());
    private final KeyRotation rotation = new KeyRotation(repository, schedule,
            new SigningKeyGenerator(encryption, new SecureRandom()), clock);
    private final SigningKeyCache cache = cache(encryption);

    private static byte[] kek(int fill) {
        byte[] kek = new byte[32];
        Arrays.fill(kek, (byte) fill);
        return kek;
    }

    private SigningKeyCache cache(KeyEncryption with) {
        return new SigningKeyCache(repository, with, schedule, new BouncyCastleProvider(), clock);
    }

    private String signingKid(SigningAlgorithm algorithm) {
        return cache.signingKey(algorithm).orElseThrow().stored().kid();
    }

    private List<String> publishedKids() {
        return cache.publishedKeys().stream().map(JWK::getKeyID).toList();
    }

    private void tick(Duration duration) {
        clock.advance(duration);
        rotation.rotate();
        cache.refresh();
    }

    @Test
    void firstStartMakesAnEs256AndAnRs256KeyThatSignAtOnce() {
        assertThat(rotation.rotate()).isEqualTo(2);
        cache.refresh();

        assertThat(cache.signingKey(SigningAlgorithm.ES256).orElseThrow().publicJwk()).isInstanceOf(ECKey.class);
        assertThat(cache.signingKey(SigningAlgorithm.RS256).orElseThrow().publicJwk()).isInstanceOf(RSAKey.class);
        assertThat(cache.publishedKeys()).hasSize(2).allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
        assertThat(rotation.rotate()).isZero();
    }

    @Test
    void successorIsPublishedBeforeItSignsAndTheRetiredKeyStaysInJwksForTheOverlapThenGoes() {
        tick(Duration.ZERO);
        String first = signingKid(SigningAlgorithm.ES256);

        // Two overlaps before the first retires: the successor appears in JWKS, the first key still signs.
        tick(PERIOD.minus(OVERLAP.multipliedBy(2)));
        assertThat(publishedKids()).hasSize(4).contains(first);
        assertThat(signingKid(SigningAlgorithm.ES256)).isEqualTo(first);
        String second = publishedKids().stream()
                .filter(kid -> kid.startsWith("es256-") && !kid.equals(first)).findFirst().orElseThrow();

        // Still before the switch.
        tick(OVERLAP.multipliedBy(2).minusSeconds(1));
        assertThat(signingKid(SigningAlgorithm.ES256)).isEqualTo(first);

        // The switch: the successor signs; the retired key is still published during the overlap.
        tick(Duration.ofSeconds(1));
        assertThat(signingKid(SigningAlgorithm.ES256)).isEqualTo(second);
        tick(OVERLAP.minusSeconds(1));
        assertThat(publishedKids()).contains(first, second);

        // Expired: gone from JWKS (and from the database).
        tick(Duration.ofSeconds(1));
        assertThat(publishedKids()).doesNotContain(first).contains(second);
        tick(Duration.ofSeconds(1));
        assertThat(repository.findByKid(first)).isEmpty();
    }

    @Test
    void aSecondCacheOnTheSameStoreSignsWithTheSameKeys() {
        tick(Duration.ZERO);

        SigningKeyCache other = cache(new KeyEncryption(kek(1), new SecureRandom()));
        other.refresh();

        assertThat(other.signingKey(SigningAlgorithm.ES256).orElseThrow().stored().kid())
                .isEqualTo(signingKid(SigningAlgorithm.ES256));
        assertThat(other.publishedKeys()).isEqualTo(cache.publishedKeys());
    }

    @Test
    void aCacheWithTheWrongKeyEncryptionKeyFailsClearly() {
        tick(Duration.ZERO);

        SigningKeyCache wrong = cache(new KeyEncryption(kek(2), new SecureRandom()));

        assertThatThrownBy(wrong::refresh)
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class)
                .hasMessageContaining("signet.keys.encryption-key");
    }

    @Test
    void theCacheIsNotReadFromTheStorePerToken() {
        tick(Duration.ZERO);
        String kid = signingKid(SigningAlgorithm.ES256);
        repository.deleteExpiredBefore(Instant.MAX);

        assertThat(signingKid(SigningAlgorithm.ES256)).isEqualTo(kid);
    }
}
