package dev.signet.server.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FactorRemovalPolicyTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final AccountLock NO_LOCK = new AccountLock() {
        @Override
        public <T> T whileLocked(UUID accountId, Supplier<T> work) {
            return work.get();
        }
    };

    @Test
    void theLastFactorIsKeptWhileAServiceTheCitizenUsesRequiresClCm() {
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 1, account -> List.of("Check your tax"), NO_LOCK);

        assertThat(policy.mayRemoveOneOf(ACCOUNT))
                .isEqualTo(new FactorRemovalPolicy.Refused(List.of("Check your tax")));
    }

    @Test
    void theLastFactorMayGoWhenNoServiceTheCitizenUsesRequiresClCm() {
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 1, account -> List.of(), NO_LOCK);

        assertThat(policy.mayRemoveOneOf(ACCOUNT)).isInstanceOf(FactorRemovalPolicy.Allowed.class);
    }

    @Test
    void anyFactorMayGoWhileAnotherRemainsWithoutAskingAboutServices() {
        AtomicInteger asked = new AtomicInteger();
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 2, account -> {
            asked.incrementAndGet();
            return List.of("Check your tax");
        }, NO_LOCK);

        assertThat(policy.mayRemoveOneOf(ACCOUNT)).isInstanceOf(FactorRemovalPolicy.Allowed.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    void theFactorsAndServicesOfTheAskedAccountAreTheOnesCounted() {
        UUID other = UUID.randomUUID();
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> account.equals(ACCOUNT) ? 1 : 3,
                account -> account.equals(ACCOUNT) ? List.of("Pay for parking") : List.of(), NO_LOCK);

        assertThat(policy.mayRemoveOneOf(ACCOUNT)).isInstanceOf(FactorRemovalPolicy.Refused.class);
        assertThat(policy.mayRemoveOneOf(other)).isInstanceOf(FactorRemovalPolicy.Allowed.class);
    }

    @Test
    void removingDecidesAndRemovesUnderTheAccountsLock() {
        List<String> events = new ArrayList<>();
        AccountLock recordingLock = new AccountLock() {
            @Override
            public <T> T whileLocked(UUID accountId, Supplier<T> work) {
                events.add("lock " + accountId);
                T result = work.get();
                events.add("unlock");
                return result;
            }
        };
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> {
            events.add("count");
            return 2;
        }, account -> List.of(), recordingLock);

        FactorRemovalPolicy.Decision decision = policy.remove(ACCOUNT, () -> events.add("remove"));

        assertThat(decision).isInstanceOf(FactorRemovalPolicy.Allowed.class);
        assertThat(events).containsExactly("lock " + ACCOUNT, "count", "remove", "unlock");
    }

    @Test
    void aRefusedRemovalRemovesNothing() {
        AtomicInteger removals = new AtomicInteger();
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 1, account -> List.of("Check your tax"),
                NO_LOCK);

        assertThat(policy.remove(ACCOUNT, () -> removals.incrementAndGet() > 0))
                .isInstanceOf(FactorRemovalPolicy.Refused.class);
        assertThat(removals).hasValue(0);
    }

    @Test
    void aFactorAlreadyGoneIsNotFound() {
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 3, account -> List.of(), NO_LOCK);

        assertThat(policy.remove(ACCOUNT, () -> false)).isInstanceOf(FactorRemovalPolicy.NotFound.class);
    }
}
