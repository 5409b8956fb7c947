package dev.signet.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SigningKeyRepository} adapter must have. Subclasses supply the adapter. */
public abstract class SigningKeyRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    protected abstract SigningKeyRepository repository();

    protected static SigningKey key(SigningAlgorithm alg, Instant activates, Instant retires, Instant expires) {
        String kid = "kid-" + UUID.randomUUID();
        return new SigningKey(kid, alg, "{\"kty\":\"EC\",\"kid\":\"" + kid + "\"}", new byte[] {1, 2, 3, (byte) 0xff},
                activates.minusSeconds(60), activates, retires, expires);
    }

    @Test
    void addedKeyIsReadBackWithEveryField() {
        SigningKey key = key(SigningAlgorithm.ES256, NOW, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31)));

        assertThat(repository().addUnlessRetiringAfter(key, NOW)).isTrue();

        assertThat(repository().findByKid(key.kid())).contains(key);
        assertThat(repository().findUnexpired(NOW)).containsExactly(key);
    }

    @Test
    void expiredKeysAreNotListedAndAreDeleted() {
        SigningKey old = key(SigningAlgorithm.ES256, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(10)),
                NOW.minusSeconds(1));
        SigningKey current = key(SigningAlgorithm.ES256, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(20)),
                NOW.plus(Duration.ofDays(21)));
        assertThat(repository().addUnlessRetiringAfter(old, NOW.minus(Duration.ofDays(40)))).isTrue();
        assertThat(repository().addUnlessRetiringAfter(current, NOW.minus(Duration.ofDays(10)))).isTrue();

        assertThat(repository().findUnexpired(NOW)).containsExactly(current);
        assertThat(repository().deleteExpiredBefore(NOW)).isEqualTo(1);
        assertThat(repository().findByKid(old.kid())).isEmpty();
        assertThat(repository().findByKid(current.kid())).contains(current);
    }

    @Test
    void unexpiredKeysAreListedInOrderOfActivation() {
        SigningKey later = key(SigningAlgorithm.ES256, NOW.plus(Duration.ofDays(29)), NOW.plus(Duration.ofDays(59)),
                NOW.plus(Duration.ofDays(60)));
        SigningKey earlier = key(SigningAlgorithm.ES256, NOW, NOW.plus(Duration.ofDays(29)),
                NOW.plus(Duration.ofDays(30)));
        SigningKey rsa = key(SigningAlgorithm.RS256, NOW.plusSeconds(1), NOW.plus(Duration.ofDays(29)),
                NOW.plus(Duration.ofDays(30)));
        assertThat(repository().addUnlessRetiringAfter(earlier, NOW)).isTrue();
        assertThat(repository().addUnlessRetiringAfter(later, earlier.retiresAt())).isTrue();
        assertThat(repository().addUnlessRetiringAfter(rsa, NOW)).isTrue();

        assertThat(repository().findUnexpired(NOW)).containsExactly(earlier, rsa, later);
    }

    @Test
    void aKeyPlannedFromAStaleViewIsNotAdded() {
        SigningKey first = key(SigningAlgorithm.ES256, NOW, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31)));
        assertThat(repository().addUnlessRetiringAfter(first, NOW)).isTrue();

        // Another instance planned a first key from an empty view: refused, a key of its algorithm already exists.
        SigningKey second = key(SigningAlgorithm.ES256, NOW, NOW.plus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(31)));
        assertThat(repository().addUnlessRetiringAfter(second, NOW)).isFalse();
        // The other algorithm is independent.
        SigningKey rsa = key(SigningAlgorithm.RS256, NOW, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31)));
        assertThat(repository().addUnlessRetiringAfter(rsa, NOW)).isTrue();

        assertThat(repository().findUnexpired(NOW)).extracting(SigningKey::kid)
                .containsExactlyInAnyOrder(first.kid(), rsa.kid());
    }

    @Test
    void aKeyIdIsNeverReused() {
        SigningKey key = key(SigningAlgorithm.ES256, NOW, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31)));
        assertThat(repository().addUnlessRetiringAfter(key, NOW)).isTrue();

        SigningKey sameKid = new SigningKey(key.kid(), SigningAlgorithm.RS256, "{}", new byte[] {9},
                NOW, NOW, NOW.plusSeconds(10), NOW.plusSeconds(20));
        assertThat(repository().addUnlessRetiringAfter(sameKid, NOW)).isFalse();
        assertThat(repository().findByKid(key.kid())).contains(key);
    }

    @Test
    void ofConcurrentInstancesPlanningTheSameSuccessorOnlyOneAddsIt() throws Exception {
        SigningKey current = key(SigningAlgorithm.ES256, NOW, NOW.plus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(31)));
        assertThat(repository().addUnlessRetiringAfter(current, NOW)).isTrue();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> rotations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                SigningKey successor = key(SigningAlgorithm.ES256, current.retiresAt(), NOW.plus(Duration.ofDays(60)),
                        NOW.plus(Duration.ofDays(61)));
                rotations.add(() -> repository().addUnlessRetiringAfter(successor, current.retiresAt()));
            }
            int added = 0;
            for (Future<Boolean> result : pool.invokeAll(rotations)) {
                added += result.get() ? 1 : 0;
            }
            assertThat(added).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(repository().findUnexpired(NOW)).hasSize(2);
    }
}
