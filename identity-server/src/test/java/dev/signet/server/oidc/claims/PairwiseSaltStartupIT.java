package dev.signet.server.oidc.claims;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.SignetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A real start-up against an external PostgreSQL without a salt: the server must refuse to start. */
class PairwiseSaltStartupIT {

    @Test
    void anExternalDatabaseWithoutAPairwiseSaltStopsTheServerNamingTheSetting() {
        SpringApplicationBuilder server = new SpringApplicationBuilder(SignetApplication.class).profiles("test");
        // Command-line arguments: they override the test profile's salt, as an operator's settings would.
        String[] settings = {"--server.port=0", "--spring.datasource.url=" + PostgresTestServer.newEmptyDatabaseUrl(),
                "--spring.datasource.username=postgres", "--signet.subjects.pairwise-salt="};

        assertThatThrownBy(() -> server.run(settings).close()).rootCause().isInstanceOf(PairwiseSaltException.class)
                .hasMessageContaining("signet.subjects.pairwise-salt");
    }
}
