package dev.signet.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.keys.KeySchedule.PlannedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyScheduleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final Duration OVERLAP = Duration.ofDays(1);

    private final KeySchedule schedule = new KeySchedule(PERIOD, OVERLAP);

    private static SigningKey from(PlannedKey plan, String kid) {
        return new SigningKey(kid, plan.algorithm(), "{}", new byte[] {1}, plan.createdAt(), plan.activatesAt(),
                plan.retiresAt(), plan.expiresAt());
    }

    @Test
    void withNoKeysTheFirstKeySignsAtOnce() {
        PlannedKey plan = schedule.plan(SigningAlgorithm.ES256, List.of(), T0).orElseThrow();

        assertThat(plan.activatesAt()).isEqualTo(T0);
        assertThat(plan.retiresAt()).isEqualTo(T0.plus(PERIOD));
        assertThat(plan.expiresAt()).isEqualTo(T0.plus(PERIOD).plus(OVERLAP));
    }

    @Test
    void noSuccessorUntilTheCurrentKeyIsNearRetirement() {
        SigningKey first = from(schedule.plan(SigningAlgorithm.ES256, List.of(), T0).orElseThrow(), "a");

        assertThat(schedule.plan(SigningAlgorithm.ES256, List.of(first), T0.plus(Duration.ofDays(27)))).isEmpty();
        assertThat(schedule.plan(SigningAlgorithm.RS256, List.of(first), T0)).isPresent();
    }

    @Test
    void successorIsPublishedAtLeastTheOverlapBeforeItSignsAndTheRetiredKeyStaysPublishedForTheOverlap() {
        SigningKey first = from(schedule.plan(SigningAlgorithm.ES256, List.of(), T0).orElseThrow(), "a");
        Instant rotationRun = first.retiresAt().minus(OVERLAP.multipliedBy(2));
        SigningKey second = from(schedule.plan(SigningAlgorithm.ES256, List.of(first), rotationRun).orElseThrow(), "b");
        List<SigningKey> keys = List.of(first, second);

        assertThat(second.activatesAt()).isEqualTo(first.retiresAt());
        assertThat(Duration.between(second.createdAt(), second.activatesAt())).isGreaterThanOrEqualTo(OVERLAP);

        // Published before use: in JWKS, but the old key still signs.
        Instant beforeSwitch = first.retiresAt().minusSeconds(1);
        assertThat(schedule.published(keys, beforeSwitch)).containsExactly(first, second);
        assertThat(schedule.signingKey(SigningAlgorithm.ES256, keys, beforeSwitch)).contains(first);

        // After the switch: the new key signs, the retired one stays in JWKS during the overlap.
        Instant afterSwitch = first.retiresAt();
        assertThat(schedule.signingKey(SigningAlgorithm.ES256, keys, afterSwitch)).contains(second);
        assertThat(schedule.published(keys, afterSwitch.plus(OVERLAP).minusSeconds(1))).containsExactly(first, second);

        // Expired: gone from JWKS.
        assertThat(schedule.published(keys, first.expiresAt())).containsExactly(second);
        // Nothing to do until the second key nears retirement.
        assertThat(schedule.plan(SigningAlgorithm.ES256, keys, afterSwitch)).isEmpty();
    }

    @Test
    void aLateRotationKeepsTheOldKeySigningUntilTheSuccessorHasBeenPublishedForTheOverlap() {
        SigningKey first = from(schedule.plan(SigningAlgorithm.ES256, List.of(), T0).orElseThrow(), "a");
        Instant late = first.retiresAt().minus(Duration.ofHours(2));
        SigningKey second = from(schedule.plan(SigningAlgorithm.ES256, List.of(first), late).orElseThrow(), "b");

        assertThat(second.activatesAt()).isEqualTo(late.plus(OVERLAP));
        Instant gap = first.retiresAt().plusSeconds(60);
        assertThat(schedule.signingKey(SigningAlgorithm.ES256, List.of(first, second), gap)).contains(first);
        assertThat(schedule.signingKey(SigningAlgorithm.ES256, List.of(first, second), second.activatesAt()))
                .contains(second);
    }

    @Test
    void whenEveryKeyHasRetiredANewOneSignsAtOnce() {
        SigningKey first = from(schedule.plan(SigningAlgorithm.ES256, List.of(), T0).orElseThrow(), "a");
        Instant muchLater = first.expiresAt().plusSeconds(1);

        PlannedKey plan = schedule.plan(SigningAlgorithm.ES256, List.of(first), muchLater).orElseThrow();
        assertThat(plan.activatesAt()).isEqualTo(muchLater);
        assertThat(schedule.signingKey(SigningAlgorithm.ES256, List.of(first), muchLater)).isEmpty();
    }

    @Test
    void aPendingKeyNeverSigns() {
        SigningKey first = from(schedule.plan(SigningAlgorithm.ES256, List.of(), T0).orElseThrow(), "a");
        SigningKey second = from(schedule.plan(SigningAlgorithm.ES256, List.of(first),
                first.retiresAt().minus(OVERLAP)).orElseThrow(), "b");

        assertThat(schedule.signingKey(SigningAlgorithm.ES256, List.of(second), second.activatesAt().minusSeconds(1)))
                .isEmpty();
    }

    @Test
    void aRotationPeriodShorterThanTwiceTheOverlapIsRefused() {
        assertThatThrownBy(() -> new KeySchedule(Duration.ofDays(1), Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
