package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.server.federation.ConnectorFileException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class MigrationSettingsReaderTest {

    private final MigrationSettingsReader reader = new MigrationSettingsReader();

    @Test
    void connectorsWithoutSettingsMigrateOnSignInAndDualRunningReadsItsLastDay() {
        Map<String, MigrationPolicy> policies = read("""
                connectors:
                  - id: plain
                    type: legacy-database
                  - id: explicit
                    migration: on-sign-in
                  - id: dual
                    migration: dual-running
                    keep-checking-until: 2027-03-31
                  - id: quoted
                    migration: dual-running
                    keep-checking-until: "2027-04-01"
                """);

        assertThat(policies).doesNotContainKey("plain");
        assertThat(new MigrationPolicies(policies).of("plain")).isEqualTo(MigrationPolicy.ON_SIGN_IN);
        assertThat(policies.get("explicit")).isEqualTo(MigrationPolicy.ON_SIGN_IN);
        assertThat(policies.get("dual")).isEqualTo(MigrationPolicy.dualRunningUntil(LocalDate.parse("2027-03-31")));
        assertThat(policies.get("quoted")).isEqualTo(MigrationPolicy.dualRunningUntil(LocalDate.parse("2027-04-01")));
    }

    @Test
    void everyWrongSettingIsReportedAtOnceNamingTheConnectorAndTheField() {
        assertThatThrownBy(() -> read("""
                connectors:
                  - id: typo
                    migration: lazy
                  - id: no-date
                    migration: dual-running
                  - id: bad-date
                    migration: dual-running
                    keep-checking-until: 31/03/2027
                  - id: date-alone
                    keep-checking-until: 2027-03-31
                """))
                .isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("connector 'typo', field 'migration': must be on-sign-in or dual-running, "
                        + "not 'lazy'")
                .hasMessageContaining("connector 'no-date', field 'keep-checking-until': must be given with "
                        + "migration: dual-running")
                .hasMessageContaining("connector 'bad-date', field 'keep-checking-until': must be a date like "
                        + "2027-03-31, not '31/03/2027'")
                .hasMessageContaining("connector 'date-alone', field 'keep-checking-until': only goes with "
                        + "migration: dual-running");
    }

    @Test
    void anEmptyFileDeclaresNoPolicies() {
        assertThat(read("connectors: []\n")).isEmpty();
    }

    private Map<String, MigrationPolicy> read(String yaml) {
        return reader.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
