package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionPropertiesTest {

    @Test
    void aZeroAbsoluteLifetimeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SessionProperties(Duration.ZERO))
                .hasMessageContaining("signet.sessions.absolute-lifetime");
    }

    @Test
    void aPositiveAbsoluteLifetimeIsKept() {
        assertThat(new SessionProperties(Duration.ofHours(12)).absoluteLifetime()).isEqualTo(Duration.ofHours(12));
    }
}
