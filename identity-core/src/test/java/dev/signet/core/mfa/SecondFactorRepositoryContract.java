package dev.signet.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SecondFactorRepository} adapter must have. */
public abstract class SecondFactorRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    protected abstract SecondFactorRepository repository();

    /** An existing account (factors reference accounts). */
    protected abstract UUID newAccount();

    @Test
    void anAccountWithoutFactorsHasNone() {
        assertThat(repository().findByAccount(newAccount())).isEmpty();
    }

    @Test
    void savedFactorsComeBackOldestFirstWithTheirDetails() {
        UUID account = newAccount();
        byte[] sealed = {1, 2, 3, 4};
        SecondFactor app = SecondFactor.authenticatorApp(UUID.randomUUID(), account, sealed, NOW);
        SecondFactor text = SecondFactor.textMessage(UUID.randomUUID(), account, "+447700900123", NOW.plusSeconds(1));
        SecondFactor email = SecondFactor.email(UUID.randomUUID(), account, NOW.plusSeconds(2));

        repository().save(email);
        repository().save(app);
        repository().save(text);

        List<SecondFactor> found = repository().findByAccount(account);
        assertThat(found).extracting(SecondFactor::method).containsExactly(SecondFactorMethod.AUTHENTICATOR_APP,
                SecondFactorMethod.TEXT_MESSAGE, SecondFactorMethod.EMAIL);
        assertThat(found.get(0).id()).isEqualTo(app.id());
        assertThat(found.get(0).sealedTotpSecret()).hasValueSatisfying(value -> assertThat(value).isEqualTo(sealed));
        assertThat(found.get(1).phoneNumber()).contains("+447700900123");
        assertThat(found.get(2).createdAt()).isEqualTo(NOW.plusSeconds(2).truncatedTo(ChronoUnit.MICROS));
        assertThat(repository().findByAccount(newAccount())).isEmpty();
    }

    @Test
    void savingAFactorOfTheSameMethodReplacesTheOldOne() {
        UUID account = newAccount();
        repository().save(SecondFactor.textMessage(UUID.randomUUID(), account, "+447700900001", NOW));
        SecondFactor replacement = SecondFactor.textMessage(UUID.randomUUID(), account, "+447700900002", NOW);

        repository().save(replacement);

        assertThat(repository().findByAccount(account)).singleElement().satisfies(factor -> {
            assertThat(factor.id()).isEqualTo(replacement.id());
            assertThat(factor.phoneNumber()).contains("+447700900002");
        });
    }

    @Test
    void removeDeletesOneMethodOnly() {
        UUID account = newAccount();
        repository().save(SecondFactor.email(UUID.randomUUID(), account, NOW));
        repository().save(SecondFactor.textMessage(UUID.randomUUID(), account, "+447700900003", NOW));

        assertThat(repository().remove(account, SecondFactorMethod.EMAIL)).isTrue();
        assertThat(repository().remove(account, SecondFactorMethod.EMAIL)).isFalse();
        assertThat(repository().findByAccount(account)).extracting(SecondFactor::method)
                .containsExactly(SecondFactorMethod.TEXT_MESSAGE);
    }

    @Test
    void aTotpStepIsAcceptedOnceAndNeverAnEarlierOneAfterIt() {
        UUID account = newAccount();
        SecondFactor app = SecondFactor.authenticatorApp(UUID.randomUUID(), account, new byte[] {9}, NOW);
        repository().save(app);

        assertThat(repository().useTotpStep(app.id(), 100, NOW)).isTrue();
        assertThat(repository().useTotpStep(app.id(), 100, NOW)).isFalse();
        assertThat(repository().useTotpStep(app.id(), 99, NOW)).isFalse();
        assertThat(repository().useTotpStep(app.id(), 101, NOW)).isTrue();
        assertThat(repository().useTotpStep(UUID.randomUUID(), 500, NOW)).isFalse();
    }

    @Test
    void replacingTheAppForgetsTheStepsOfTheOldOne() {
        UUID account = newAccount();
        SecondFactor first = SecondFactor.authenticatorApp(UUID.randomUUID(), account, new byte[] {1}, NOW);
        repository().save(first);
        repository().useTotpStep(first.id(), 100, NOW);
        SecondFactor second = SecondFactor.authenticatorApp(UUID.randomUUID(), account, new byte[] {2}, NOW);

        repository().save(second);

        assertThat(repository().useTotpStep(first.id(), 200, NOW)).isFalse();
        assertThat(repository().useTotpStep(second.id(), 100, NOW)).isTrue();
    }

    @Test
    void racingUsesOfOneStepHaveExactlyOneWinner() throws Exception {
        UUID account = newAccount();
        SecondFactor app = SecondFactor.authenticatorApp(UUID.randomUUID(), account, new byte[] {7}, NOW);
        repository().save(app);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uses = IntStream.range(0, 16)
                    .<Callable<Boolean>>mapToObj(i -> () -> repository().useTotpStep(app.id(), 42, NOW)).toList();
            long winners = 0;
            for (Future<Boolean> use : pool.invokeAll(uses)) {
                winners += use.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void removingAllFactorsOfAnAccountLeavesOtherAccountsAlone() {
        UUID account = newAccount();
        UUID other = newAccount();
        repository().save(SecondFactor.email(UUID.randomUUID(), account, NOW));
        repository().save(SecondFactor.textMessage(UUID.randomUUID(), account, "+447700900124", NOW));
        repository().save(SecondFactor.email(UUID.randomUUID(), other, NOW));

        assertThat(repository().removeAll(account)).isEqualTo(2);

        assertThat(repository().findByAccount(account)).isEmpty();
        assertThat(repository().findByAccount(other)).hasSize(1);
        assertThat(repository().removeAll(account)).isZero();
    }

    @Test
    void accountsAreFoundByTheirTextMessageNumber() {
        UUID first = newAccount();
        UUID second = newAccount();
        String number = "+4477009" + String.format("%05d", (int) (Math.random() * 100_000));
        repository().save(SecondFactor.textMessage(UUID.randomUUID(), first, number, NOW));
        repository().save(SecondFactor.textMessage(UUID.randomUUID(), second, number, NOW.plusSeconds(1)));
        repository().save(SecondFactor.textMessage(UUID.randomUUID(), newAccount(), "+33612345678", NOW));

        assertThat(repository().findAccountsByPhoneNumber(number)).containsExactly(first, second);
        assertThat(repository().findAccountsByPhoneNumber("+447000000000")).isEmpty();
    }
}
