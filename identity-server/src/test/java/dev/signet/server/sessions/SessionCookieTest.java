package dev.signet.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void httpsIssuerGetsASecureHostPrefixedCookie() {
        assertThat(SessionCookie.forIssuer(URI.create("https://signin.example.gov.uk")))
                .isEqualTo(new SessionCookie("__Host-signet-session", true));
    }

    @Test
    void httpIssuerGetsAPlainCookieBecauseBrowsersRefuseHostPrefixWithoutSecure() {
        assertThat(SessionCookie.forIssuer(URI.create("http://localhost:8080")))
                .isEqualTo(new SessionCookie("signet-session", false));
    }
}
