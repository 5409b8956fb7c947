package dev.signet.core.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionSummaryTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-07T10:15:30Z");

    @Test
    void aSummaryReadsBackAsWritten() {
        SessionSummary summary = new SessionSummary(SIGNED_IN, Optional.of("Cl.Cm"), Optional.of("Samsung Internet"),
                Optional.of("Android"));

        assertThat(summary.encode())
                .isEqualTo("signed_in_at=2026-12-07T10:15:30Z;level=Cl.Cm;browser=Samsung Internet;system=Android");
        assertThat(SessionSummary.decode(summary.encode())).contains(summary);
    }

    @Test
    void unknownPartsAreLeftOut() {
        SessionSummary summary = new SessionSummary(SIGNED_IN, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(summary.encode()).isEqualTo("signed_in_at=2026-12-07T10:15:30Z");
        assertThat(SessionSummary.decode(summary.encode())).contains(summary);
    }

    @Test
    void textWithoutAReadableSignInTimeIsNoSummary() {
        assertThat(SessionSummary.decode(null)).isEmpty();
        assertThat(SessionSummary.decode("")).isEmpty();
        assertThat(SessionSummary.decode("level=Cl;browser=Firefox")).isEmpty();
        assertThat(SessionSummary.decode("signed_in_at=yesterday")).isEmpty();
    }

    @Test
    void aValueThatWouldBreakTheFormatIsRefused() {
        assertThatThrownBy(() -> new SessionSummary(SIGNED_IN, Optional.empty(), Optional.of("a;b=c"),
                Optional.empty()).encode()).isInstanceOf(IllegalArgumentException.class);
    }
}
