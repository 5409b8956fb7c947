package dev.signet.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.server.passkeys.PasskeySettings.InvalidPasskeySettingException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasskeySettingsTest {

    private static PasskeySettings resolve(String rpId, List<String> origins, String issuer) {
        return PasskeySettings.resolve(new PasskeysProperties(rpId, null, origins), URI.create(issuer));
    }

    @Test
    void everythingDefaultsFromTheIssuer() {
        PasskeySettings settings = resolve(null, null, "https://Account.Example.gov.uk/signet");

        assertThat(settings.rpId()).isEqualTo("account.example.gov.uk");
        assertThat(settings.rpName()).isEqualTo("Signet");
        assertThat(settings.allowedOrigins()).containsExactly("https://account.example.gov.uk");
    }

    @Test
    void aLocalIssuerKeepsItsPort() {
        PasskeySettings settings = resolve(null, List.of(), "http://localhost:8080");

        assertThat(settings.rpId()).isEqualTo("localhost");
        assertThat(settings.allowedOrigins()).containsExactly("http://localhost:8080");
    }

    @Test
    void aParentDomainCoversSubDomainOrigins() {
        PasskeySettings settings = resolve("example.gov.uk",
                List.of("https://account.example.gov.uk", "https://login.example.gov.uk:8443"), "https://x.test");

        assertThat(settings.rpId()).isEqualTo("example.gov.uk");
        assertThat(settings.allowedOrigins())
                .containsExactlyInAnyOrder("https://account.example.gov.uk", "https://login.example.gov.uk:8443");
    }

    @Test
    void anRpIdThatDoesNotCoverTheOriginNamesTheSetting() {
        assertThatThrownBy(() -> resolve("other.gov.uk", null, "https://account.example.gov.uk"))
                .isInstanceOf(InvalidPasskeySettingException.class)
                .hasMessageContaining("signet.passkeys.rp-id").hasMessageContaining("https://account.example.gov.uk");
        // A suffix that is not a whole label does not cover the host either.
        assertThatThrownBy(() -> resolve("ample.gov.uk", null, "https://account.example.gov.uk"))
                .hasMessageContaining("signet.passkeys.rp-id");
    }

    @Test
    void anRpIdWithSchemeOrPortOrAnAddressNamesTheSetting() {
        for (String wrong : List.of("https://example.gov.uk", "example.gov.uk:443", "Example.gov.uk", "192.168.0.1",
                "example..gov.uk")) {
            assertThatThrownBy(() -> resolve(wrong, List.of("https://example.gov.uk"), "https://example.gov.uk"))
                    .as(wrong).hasMessageContaining("signet.passkeys.rp-id");
        }
    }

    @Test
    void anOriginWithAPathOrPlainHttpNamesItsIndex() {
        assertThatThrownBy(() -> resolve(null, List.of("https://example.gov.uk", "https://example.gov.uk/sign-in"),
                "https://example.gov.uk"))
                .hasMessageContaining("signet.passkeys.allowed-origins[1]");
        assertThatThrownBy(() -> resolve(null, List.of("http://example.gov.uk"), "https://example.gov.uk"))
                .hasMessageContaining("signet.passkeys.allowed-origins[0]").hasMessageContaining("https");
        assertThatThrownBy(() -> resolve(null, List.of("example.gov.uk"), "https://example.gov.uk"))
                .hasMessageContaining("signet.passkeys.allowed-origins[0]");
    }

    @Test
    void aPlainHttpOrAddressIssuerStillStartsTheServer() {
        // Browsers will not offer passkeys there (a warning says so), but nothing else about the issuer is wrong.
        assertThat(resolve(null, null, "http://signin.example.gov.uk").allowedOrigins())
                .containsExactly("http://signin.example.gov.uk");
        assertThat(resolve(null, null, "http://127.0.0.1:9000").rpId()).isEqualTo("127.0.0.1");
    }

    @Test
    void theFailureAnalyzerNamesTheSetting() {
        InvalidPasskeySettingException failure = new InvalidPasskeySettingException("signet.passkeys.rp-id", "is bad");

        var analysis = new PasskeySettingsFailureAnalyzer().analyze(new IllegalStateException("wrapped", failure));

        assertThat(analysis.getDescription()).isEqualTo("signet.passkeys.rp-id is bad");
        assertThat(analysis.getAction()).contains("signet.passkeys.rp-id");
    }
}
