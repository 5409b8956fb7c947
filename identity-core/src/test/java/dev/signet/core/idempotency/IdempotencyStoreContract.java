package dev.signet.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.replay.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link IdempotencyStore} adapter must have. */
public abstract class IdempotencyStoreContract {

    protected static final Duration KEEP = Duration.ofHours(24);
    /** The adapter under test gives up unfinished claims after this long. */
    protected static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    protected abstract IdempotencyStore store();

    protected abstract MutableClock clock();

    private static final StoredResponse CREATED = new StoredResponse(201,
            Map.of("Content-Type", "application/json", "Location", "/things/1"),
            "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    @Test
    void firstUseClaimsTheKeyAndARetryGetsTheStoredResponse() {
        assertThat(store().claim("client-a", "key-1", "fp-1", KEEP)).isEqualTo(new IdempotencyClaim.Claimed());
        store().complete("client-a", "key-1", CREATED);

        assertThat(store().claim("client-a", "key-1", "fp-1", KEEP))
                .isEqualTo(new IdempotencyClaim.Replay(CREATED));
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsToldSo() {
        store().claim("client-a", "key-2", "fp-1", KEEP);

        assertThat(store().claim("client-a", "key-2", "fp-1", KEEP)).isEqualTo(new IdempotencyClaim.InProgress());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        store().claim("client-a", "key-3", "fp-1", KEEP);
        store().complete("client-a", "key-3", CREATED);

        assertThat(store().claim("client-a", "key-3", "fp-2", KEEP)).isEqualTo(new IdempotencyClaim.KeyReused());
    }

    @Test
    void keysOfDifferentScopesNeverCollide() {
        store().claim("client-a", "key-4", "fp-1", KEEP);

        assertThat(store().claim("client-b", "key-4", "fp-other", KEEP)).isEqualTo(new IdempotencyClaim.Claimed());
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        store().claim("client-a", "key-5", "fp-1", KEEP);
        store().release("client-a", "key-5");

        assertThat(store().claim("client-a", "key-5", "fp-1", KEEP)).isEqualTo(new IdempotencyClaim.Claimed());
    }

    @Test
    void releaseNeverForgetsACompletedKey() {
        store().claim("client-a", "key-6", "fp-1", KEEP);
        store().complete("client-a", "key-6", CREATED);
        store().release("client-a", "key-6");

        assertThat(store().claim("client-a", "key-6", "fp-1", KEEP)).isEqualTo(new IdempotencyClaim.Replay(CREATED));
    }

    @Test
    void expiredKeysAreForgottenAndPurged() {
        store().claim("client-a", "key-7", "fp-1", KEEP);
        store().complete("client-a", "key-7", CREATED);
        store().claim("client-a", "key-8", "fp-1", KEEP);
        store().complete("client-a", "key-8", CREATED);
        clock().advance(KEEP.plusSeconds(1));

        assertThat(store().claim("client-a", "key-7", "fp-2", KEEP)).isEqualTo(new IdempotencyClaim.Claimed());
        assertThat(store().purgeExpired()).isEqualTo(1);
    }

    @Test
    void anAbandonedClaimCanBeTakenOver() {
        store().claim("client-a", "key-9", "fp-1", KEEP);
        clock().advance(ABANDONED_AFTER.plusSeconds(1));

        assertThat(store().claim("client-a", "key-9", "fp-1", KEEP)).isEqualTo(new IdempotencyClaim.Claimed());
    }
}
