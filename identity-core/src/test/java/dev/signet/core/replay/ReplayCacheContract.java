package dev.signet.core.replay;

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

/** The behaviour every {@link ReplayCache} adapter must have. Adapters are built on {@link #clock()}. */
public abstract class ReplayCacheContract {

    protected abstract ReplayCache cache();

    /** A clock the test moves forward; adapters must judge expiry by it. */
    protected abstract MutableClock clock();

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void firstUseIsAcceptedAndSecondIsAReplay() {
        String id = unique();
        Instant expiresAt = clock().instant().plusSeconds(60);

        assertThat(cache().firstUse("assertion", id, expiresAt)).isTrue();
        assertThat(cache().firstUse("assertion", id, expiresAt)).isFalse();
    }

    @Test
    void namespacesAreSeparate() {
        String id = unique();
        Instant expiresAt = clock().instant().plusSeconds(60);

        assertThat(cache().firstUse("assertion", id, expiresAt)).isTrue();
        assertThat(cache().firstUse("request-object", id, expiresAt)).isTrue();
    }

    @Test
    void idIsForgottenOnlyAfterItExpires() throws InterruptedException {
        String id = unique();
        Instant expiresAt = clock().instant().plusMillis(300);
        assertThat(cache().firstUse("assertion", id, expiresAt)).isTrue();

        clock().advance(Duration.ofMillis(150));
        assertThat(cache().firstUse("assertion", id, expiresAt)).isFalse();

        waitUntilExpired(Duration.ofMillis(400));
        assertThat(cache().firstUse("assertion", id, clock().instant().plusSeconds(60))).isTrue();
    }

    /** Moves the test clock past expiry; adapters with a server-side TTL also need real time to pass. */
    protected void waitUntilExpired(Duration duration) throws InterruptedException {
        clock().advance(duration);
    }

    @Test
    void exactlyOneOfManyRacingCallersSeesTheIdFirst() throws Exception {
        String id = unique();
        Instant expiresAt = clock().instant().plusSeconds(60);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> cache().firstUse("assertion", id, expiresAt));
            }
            int firsts = 0;
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                firsts += result.get() ? 1 : 0;
            }
            assertThat(firsts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
