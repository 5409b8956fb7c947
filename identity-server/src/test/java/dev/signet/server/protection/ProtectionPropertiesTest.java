package dev.signet.server.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.server.protection.ProtectionProperties.SessionCookieSecurity;
import dev.signet.server.sessions.SessionCookie;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProtectionPropertiesTest {

    private static final ProtectionProperties.Policy GOOD = new ProtectionProperties.Policy(5, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofMinutes(15), 10, Duration.ofMinutes(15));
    private static final ProtectionProperties.Limits LIMITS = new ProtectionProperties.Limits(GOOD, GOOD);

    @Test
    void aWrongPolicyIsReportedWithTheFullNameOfTheSetting() {
        ProtectionProperties.Policy lockoutTooEarly = new ProtectionProperties.Policy(5, Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofMinutes(15), 3, Duration.ofMinutes(15));

        assertThatThrownBy(() -> new ProtectionProperties(LIMITS,
                new ProtectionProperties.Limits(GOOD, lockoutTooEarly), LIMITS, Duration.ofDays(365),
                SessionCookieSecurity.AUTO))
                .hasMessageStartingWith("signet.protection.code-entry.address: lockout-after (3)");
    }

    @Test
    void aMissingDelayIsReportedWithItsName() {
        ProtectionProperties.Policy noDelay = new ProtectionProperties.Policy(5, null, Duration.ofMinutes(1),
                Duration.ofMinutes(15), 0, null);

        assertThatThrownBy(() -> new ProtectionProperties(new ProtectionProperties.Limits(noDelay, GOOD), LIMITS,
                LIMITS, Duration.ofDays(365), SessionCookieSecurity.AUTO))
                .hasMessageContaining("signet.protection.sign-in.account.first-delay");
    }

    @Test
    void aNegativeHstsMaxAgeIsRefused() {
        assertThatThrownBy(() -> new ProtectionProperties(LIMITS, LIMITS, LIMITS, Duration.ofSeconds(-1),
                SessionCookieSecurity.AUTO)).hasMessageContaining("signet.protection.hsts-max-age");
    }

    @Test
    void theSessionCookieIsHostPrefixedOnHttpsUnlessToldOtherwise() {
        URI https = URI.create("https://signin.example.gov.uk");
        URI localhost = URI.create("http://localhost:8080");

        assertThat(SessionCookie.forIssuer(https, SessionCookieSecurity.AUTO))
                .isEqualTo(new SessionCookie("__Host-signet-session", true));
        assertThat(SessionCookie.forIssuer(localhost, SessionCookieSecurity.AUTO))
                .isEqualTo(new SessionCookie("signet-session", false));
        assertThat(SessionCookie.forIssuer(localhost, SessionCookieSecurity.HOST_PREFIXED))
                .isEqualTo(new SessionCookie("__Host-signet-session", true));
        assertThat(SessionCookie.forIssuer(https, SessionCookieSecurity.PLAIN))
                .isEqualTo(new SessionCookie("signet-session", false));
    }
}
