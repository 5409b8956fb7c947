package dev.signet.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RecoveryCodeRepository} adapter must have. */
public abstract class RecoveryCodeRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    protected abstract RecoveryCodeRepository repository();

    protected abstract UUID newAccount();

    @Test
    void storedHashesAreUnusedUntilMarkedUsedAndUsableOnce() {
        UUID account = newAccount();
        repository().replace(account, List.of("hash-a", "hash-b", "hash-c"), NOW);

        assertThat(repository().unusedHashes(account)).containsExactlyInAnyOrder("hash-a", "hash-b", "hash-c");
        assertThat(repository().markUsed(account, "hash-b", NOW)).isTrue();
        assertThat(repository().markUsed(account, "hash-b", NOW)).isFalse();
        assertThat(repository().unusedHashes(account)).containsExactlyInAnyOrder("hash-a", "hash-c");
    }

    @Test
    void codesBelongToTheirAccountOnly() {
        UUID owner = newAccount();
        UUID other = newAccount();
        repository().replace(owner, List.of("hash-owner"), NOW);

        assertThat(repository().unusedHashes(other)).isEmpty();
        assertThat(repository().markUsed(other, "hash-owner", NOW)).isFalse();
        assertThat(repository().unusedHashes(owner)).containsExactly("hash-owner");
    }

    @Test
    void replaceDiscardsEveryEarlierCodeUsedOrNot() {
        UUID account = newAccount();
        repository().replace(account, List.of("old-1", "old-2"), NOW);
        repository().markUsed(account, "old-1", NOW);

        repository().replace(account, List.of("new-1", "new-2"), NOW.plusSeconds(60));

        assertThat(repository().unusedHashes(account)).containsExactlyInAnyOrder("new-1", "new-2");
        assertThat(repository().markUsed(account, "old-2", NOW)).isFalse();
    }

    @Test
    void racingUsesOfOneCodeHaveExactlyOneWinner() throws Exception {
        UUID account = newAccount();
        repository().replace(account, List.of("contested"), NOW);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uses = IntStream.range(0, 16)
                    .<Callable<Boolean>>mapToObj(i -> () -> repository().markUsed(account, "contested", NOW)).toList();
            long winners = 0;
            for (Future<Boolean> use : pool.invokeAll(uses)) {
                winners += use.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
