package dev.signet.server.passkeys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.SignetApplication;
import dev.signet.server.passkeys.PasskeySettings.InvalidPasskeySettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A real start-up with a relying party id that cannot cover the issuer's pages: the server must refuse to start. */
class PasskeySettingsStartupIT {

    @Test
    void anRpIdThatDoesNotCoverTheIssuerStopsTheServerNamingTheSetting() {
        SpringApplicationBuilder server = new SpringApplicationBuilder(SignetApplication.class).profiles("test");
        String[] settings = {"--server.port=0", "--spring.datasource.url=" + PostgresTestServer.newEmptyDatabaseUrl(),
                "--spring.datasource.username=postgres", "--signet.issuer=https://account.example.gov.uk",
                "--signet.passkeys.rp-id=other.gov.uk"};

        assertThatThrownBy(() -> server.run(settings).close()).rootCause()
                .isInstanceOf(InvalidPasskeySettingException.class)
                .hasMessageContaining("signet.passkeys.rp-id").hasMessageContaining("https://account.example.gov.uk");
    }
}
