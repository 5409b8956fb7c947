package dev.signet.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import org.junit.jupiter.api.Test;

class InterventionTypeTest {

    @Test
    void requestsNameInterventionsAsTheDocumentationDoes() {
        assertThat(InterventionType.named("require-password-reset")).contains(InterventionType.REQUIRE_PASSWORD_RESET);
        assertThat(InterventionType.named("SUSPEND")).isEmpty();
        assertThat(InterventionType.names()).isEqualTo("suspend, block, require-password-reset, lift");
    }

    @Test
    void aBlockNeedsTheManageScopeToBePlacedOrLifted() {
        assertThat(InterventionType.BLOCK.requiredScope(AccountStatus.ACTIVE)).isEqualTo("admin.manage");
        assertThat(InterventionType.LIFT.requiredScope(AccountStatus.BLOCKED)).isEqualTo("admin.manage");
        assertThat(InterventionType.LIFT.requiredScope(AccountStatus.SUSPENDED)).isEqualTo("admin.support");
        assertThat(InterventionType.SUSPEND.requiredScope(AccountStatus.ACTIVE)).isEqualTo("admin.support");
    }

    @Test
    void aBlockIsNeverTurnedIntoALesserIntervention() {
        assertThat(InterventionType.SUSPEND.allowedFrom(AccountStatus.BLOCKED)).isFalse();
        assertThat(InterventionType.REQUIRE_PASSWORD_RESET.allowedFrom(AccountStatus.BLOCKED)).isFalse();
        assertThat(InterventionType.BLOCK.allowedFrom(AccountStatus.BLOCKED)).isFalse();
        assertThat(InterventionType.LIFT.allowedFrom(AccountStatus.ACTIVE)).isFalse();
        assertThat(InterventionType.BLOCK.allowedFrom(AccountStatus.SUSPENDED)).isTrue();
    }
}
