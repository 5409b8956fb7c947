package dev.signet.connector.legacydb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.SettingProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyDatabaseTypeTest {

    private final LegacyDatabaseType type = new LegacyDatabaseType();

    private static Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put("jdbc-url", "jdbc:postgresql://legacy-db.internal/accounts");
        settings.put("table", "legacy.users");
        return settings;
    }

    private List<String> failingSettings(Map<String, String> settings) {
        return type.validate(ConnectorSettings.of(settings)).stream().map(SettingProblem::setting).toList();
    }

    @Test
    void aTableAndDefaultsAreEnough() {
        assertThat(type.validate(ConnectorSettings.of(minimal()))).isEmpty();
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        ConnectorTypes types = ConnectorTypes.discover(getClass().getClassLoader());
        assertThat(types.find("legacy-database")).get().isInstanceOf(LegacyDatabaseType.class);
    }

    @Test
    void tableAndQueryAreOneOrTheOther() {
        Map<String, String> both = minimal();
        both.put("query", "SELECT id, username, password_hash FROM users");
        assertThat(failingSettings(both)).containsExactly("table");
        Map<String, String> neither = minimal();
        neither.remove("table");
        assertThat(failingSettings(neither)).containsExactly("table");
    }

    @Test
    void namesThatWouldBeWrittenIntoSqlMustBePlainIdentifiers() {
        Map<String, String> settings = minimal();
        settings.put("table", "users; DROP TABLE users");
        settings.put("columns.login", "email) OR (1=1");
        settings.put("attributes.email", "mail--");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("table", "columns.login", "attributes.email");
    }

    @Test
    void aQueryIsOneSelect() {
        Map<String, String> settings = minimal();
        settings.remove("table");
        settings.put("query", "DELETE FROM users");
        assertThat(failingSettings(settings)).containsExactly("query");
        settings.put("query", "SELECT * FROM users; DELETE FROM users");
        assertThat(failingSettings(settings)).containsExactly("query");
        settings.put("query", "  with u as (select * from users) select * from u");
        assertThat(failingSettings(settings)).isEmpty();
    }

    @Test
    void hmacNeedsAPepperInItsEncoding() {
        Map<String, String> settings = minimal();
        settings.put("hash.unprefixed", "hmac");
        assertThat(failingSettings(settings)).containsExactly("hash.pepper");
        settings.put("hash.pepper", "not hex");
        settings.put("hash.pepper-encoding", "hex");
        assertThat(failingSettings(settings)).containsExactly("hash.pepper");
        settings.put("hash.pepper", "0a1b2c");
        assertThat(failingSettings(settings)).isEmpty();
    }

    @Test
    void checksAcrossSettingsStillRunWhenOneSettingIsWrong() {
        Map<String, String> settings = minimal();
        settings.put("query-timeout", "soon");
        settings.put("hash.unprefixed", "hmac");
        settings.put("columns.salt", "salt column");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("query-timeout", "hash.pepper",
                "columns.salt");
        settings.remove("jdbc-url");
        assertThat(failingSettings(settings)).contains("jdbc-url");
    }

    @Test
    void emailVerifiedNeedsTheEmailAttribute() {
        Map<String, String> settings = minimal();
        settings.put("columns.email-verified", "email_confirmed");
        assertThat(failingSettings(settings)).containsExactly("columns.email-verified");
    }

    @Test
    void limitsAreChecked() {
        Map<String, String> settings = minimal();
        settings.put("connect-timeout", "10ms");
        settings.put("query-timeout", "2h");
        settings.put("max-connections", "0");
        settings.put("jdbc-url", "postgresql://db/x");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("connect-timeout", "query-timeout",
                "max-connections", "jdbc-url");
    }

    @Test
    void openingWithBadSettingsNamesTheConnectorAndEverySetting() {
        Map<String, String> settings = minimal();
        settings.put("colums.login", "email");
        settings.put("login-match", "loose");
        assertThatThrownBy(() -> ConnectorTypes.of(List.of(type)).open(new ConnectorDefinition(
                ConnectorInstance.of("vehicle-tax", "Vehicle tax account", "dvla"), "legacy-database",
                ConnectorSettings.of(settings))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("Connector 'vehicle-tax' (legacy-database): ")
                .hasMessageContaining("setting 'colums.login' is not a setting of this connector type")
                .hasMessageContaining("setting 'login-match' must be one of exact, case-insensitive, not 'loose'");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        Map<String, String> settings = minimal();
        settings.put("jdbc-url", "jdbc:postgresql://db/accounts?user=signet&password=url-secret-2009");
        assertThat(failingSettings(settings)).containsExactly("jdbc-url");
        assertThat(type.validate(ConnectorSettings.of(settings)).toString()).doesNotContain("url-secret-2009");
    }

    @Test
    void secretsNeverAppearInProblems() {
        Map<String, String> settings = minimal();
        settings.put("password", "db-secret-2009");
        settings.put("hash.pepper", "pepper-secret-2009");
        settings.put("hash.pepper-encoding", "base64");
        assertThat(type.validate(ConnectorSettings.of(settings)).toString())
                .contains("hash.pepper").doesNotContain("db-secret-2009", "pepper-secret-2009");
    }
}
