package dev.signet.server.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FactorRemovalPolicyTest {

    private static final UUID ACCOUNT = UUID.randomUUID();

    @Test
    void theLastFactorIsKeptWhileAServiceTheCitizenUsesRequiresClCm() {
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 1, account -> List.of("Check your tax"));

        assertThat(policy.mayRemoveOneOf(ACCOUNT))
                .isEqualTo(new FactorRemovalPolicy.Refused(List.of("Check your tax")));
    }

    @Test
    void theLastFactorMayGoWhenNoServiceTheCitizenUsesRequiresClCm() {
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 1, account -> List.of());

        assertThat(policy.mayRemoveOneOf(ACCOUNT)).isInstanceOf(FactorRemovalPolicy.Allowed.class);
    }

    @Test
    void anyFactorMayGoWhileAnotherRemainsWithoutAskingAboutServices() {
        AtomicInteger asked = new AtomicInteger();
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> 2, account -> {
            asked.incrementAndGet();
            return List.of("Check your tax");
        });

        assertThat(policy.mayRemoveOneOf(ACCOUNT)).isInstanceOf(FactorRemovalPolicy.Allowed.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    void theFactorsAndServicesOfTheAskedAccountAreTheOnesCounted() {
        UUID other = UUID.randomUUID();
        FactorRemovalPolicy policy = new FactorRemovalPolicy(account -> account.equals(ACCOUNT) ? 1 : 3,
                account -> account.equals(ACCOUNT) ? List.of("Pay for parking") : List.of());

        assertThat(policy.mayRemoveOneOf(ACCOUNT)).isInstanceOf(FactorRemovalPolicy.Refused.class);
        assertThat(policy.mayRemoveOneOf(other)).isInstanceOf(FactorRemovalPolicy.Allowed.class);
    }
}
