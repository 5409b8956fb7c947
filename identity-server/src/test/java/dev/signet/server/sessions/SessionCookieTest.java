package dev.signet.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.Cookie;

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

    @Test
    void theEmbeddedHostPrefixedCookieNeverCarriesADomainEvenWhenOneIsConfigured() {
        Cookie settings = new Cookie();
        settings.setDomain("example.gov.uk");

        SessionCookieConfiguration.apply(SessionCookie.forIssuer(URI.create("https://signin.example.gov.uk")), settings);

        assertThat(settings.getName()).isEqualTo("__Host-signet-session");
        assertThat(settings.getDomain()).isNull();
        assertThat(settings.getSecure()).isTrue();
        assertThat(settings.getPath()).isEqualTo("/");
    }

    @Test
    void aPlainCookieKeepsAConfiguredDomain() {
        Cookie settings = new Cookie();
        settings.setDomain("example.gov.uk");

        SessionCookieConfiguration.apply(SessionCookie.forIssuer(URI.create("http://localhost:8080")), settings);

        assertThat(settings.getDomain()).isEqualTo("example.gov.uk");
    }
}
