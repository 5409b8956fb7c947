package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionPropertiesTest {

    private static final Duration RECENT = Duration.ofMinutes(15);

    @Test
    void aZeroAbsoluteLifetimeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SessionProperties(Duration.ZERO, RECENT))
                .hasMessageContaining("signet.sessions.absolute-lifetime");
    }

    @Test
    void aNegativeRecentSignInIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SessionProperties(Duration.ofHours(12), Duration.ofMinutes(-1)))
                .hasMessageContaining("signet.sessions.recent-sign-in");
    }

    @Test
    void positiveDurationsAreKept() {
        SessionProperties properties = new SessionProperties(Duration.ofHours(12), RECENT);
        assertThat(properties.absoluteLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(properties.recentSignIn()).isEqualTo(RECENT);
    }
}
