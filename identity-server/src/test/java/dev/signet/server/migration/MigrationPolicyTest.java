package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationPolicyTest {

    private static final LocalDate CUT_OVER = LocalDate.parse("2027-03-31");

    @Test
    void dualRunningKeepsTheOldSystemInChargeUpToAndIncludingItsLastDay() {
        MigrationPolicy policy = MigrationPolicy.dualRunningUntil(CUT_OVER);

        assertThat(policy.legacySystemInChargeOn(CUT_OVER.minusDays(1))).isTrue();
        assertThat(policy.legacySystemInChargeOn(CUT_OVER)).isTrue();
        assertThat(policy.legacySystemInChargeOn(CUT_OVER.plusDays(1))).isFalse();
    }

    @Test
    void migrateOnSignInNeverLeavesTheOldSystemInCharge() {
        assertThat(MigrationPolicy.ON_SIGN_IN.legacySystemInChargeOn(LocalDate.MIN)).isFalse();
    }

    @Test
    void aCutOverDateGoesWithDualRunningOnly() {
        assertThatThrownBy(() -> new MigrationPolicy(MigrationPolicy.Mode.ON_SIGN_IN, Optional.of(CUT_OVER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigrationPolicy(MigrationPolicy.Mode.DUAL_RUNNING, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDayIsTheUtcCalendarDaySoEveryInstanceAgrees() {
        Clock lateEvening = Clock.fixed(Instant.parse("2027-03-31T23:30:00Z"), ZoneOffset.ofHours(2));
        assertThat(MigrationConfiguration.today(lateEvening)).isEqualTo(CUT_OVER);
    }
}
