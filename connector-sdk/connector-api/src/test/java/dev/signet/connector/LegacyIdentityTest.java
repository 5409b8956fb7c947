package dev.signet.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyIdentityTest {

    @Test
    void toStringShowsAttributeNamesButNoPersonalData() {
        LegacyIdentity identity = new LegacyIdentity("vehicle-tax", "customer-4711",
                Map.of("email", "ann@example.org"), Map.of("given_name", "Ann"));
        assertThat(identity.toString()).contains("vehicle-tax", "email", "given_name")
                .doesNotContain("customer-4711", "ann@example.org", "Ann");
        assertThat(new Found(identity).toString()).doesNotContain("customer-4711");
    }

    @Test
    void anAttributeIsEitherVerifiedOrUnverified() {
        assertThatThrownBy(() -> new LegacyIdentity("c", "s", Map.of("email", "a"), Map.of("email", "b")))
                .hasMessageContaining("email");
    }

    @Test
    void userKeysDoNotPrintTheirValues() {
        assertThat(UserKey.loginName("ann@example.org").toString()).doesNotContain("ann");
        assertThat(UserKey.subject("4711").toString()).doesNotContain("4711");
    }

    @Test
    void lookupOutcomeOffersTheIdentityOnlyWhenFound() {
        LegacyIdentity identity = LegacyIdentity.of("c", "s");
        assertThat(new Found(identity).found()).contains(identity);
        assertThat(new NotFound().found()).isEmpty();
        assertThat(new Unavailable("down").found()).isEmpty();
    }

    @Test
    void connectorInstanceIdsAreCheckedAndWelshFallsBackToEnglish() {
        assertThatThrownBy(() -> ConnectorInstance.of("Vehicle Tax", "Vehicle tax account", "dvla"))
                .hasMessageContaining("Vehicle Tax");
        ConnectorInstance instance = ConnectorInstance.of("vehicle-tax", "Vehicle tax account", "dvla");
        assertThat(instance.displayName("cy")).isEqualTo("Vehicle tax account");
        assertThat(new ConnectorInstance("vehicle-tax", "Vehicle tax account",
                java.util.Optional.of("Cyfrif treth cerbyd"), "dvla").displayName("cy")).isEqualTo("Cyfrif treth cerbyd");
    }
}
