package dev.signet.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final Instant VERSION = Instant.parse("2025-03-01T10:00:00.123456789Z");
    private static final String TAG = EntityTags.of(VERSION);

    @Test
    void aTagIsStrongQuotedAndChangesWithTheVersionToTheMicrosecond() {
        assertThat(TAG).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(EntityTags.of(Instant.parse("2025-03-01T10:00:00.123456Z"))).isEqualTo(TAG);
        assertThat(EntityTags.of(VERSION.plusNanos(1000))).isNotEqualTo(TAG);
    }

    @Test
    void theCurrentTagOrAnyTagListOrStarMatches() {
        assertThatNoException().isThrownBy(() -> EntityTags.requireMatch(TAG, TAG));
        assertThatNoException().isThrownBy(() -> EntityTags.requireMatch("\"old\", " + TAG, TAG));
        assertThatNoException().isThrownBy(() -> EntityTags.requireMatch("*", TAG));
    }

    @Test
    void aMissingIfMatchIs428() {
        assertThatThrownBy(() -> EntityTags.requireMatch(null, TAG)).isInstanceOfSatisfying(
                PreconditionException.class, e -> assertThat(e.problem().getStatus()).isEqualTo(428));
        assertThatThrownBy(() -> EntityTags.requireMatch("  ", TAG)).isInstanceOf(PreconditionException.class);
    }

    @Test
    void anOldTagOrAWeakOneIs412() {
        String old = EntityTags.of(VERSION.minusSeconds(1));
        assertThatThrownBy(() -> EntityTags.requireMatch(old, TAG)).isInstanceOfSatisfying(
                PreconditionException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(412);
                    assertThat(e.problem().getType()).isEqualTo(Problems.PRECONDITION_FAILED);
                });
        assertThatThrownBy(() -> EntityTags.requireMatch("W/" + TAG, TAG)).isInstanceOf(PreconditionException.class);
    }
}
