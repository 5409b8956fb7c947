package dev.signet.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsSchemaTest {

    private final SettingsSchema schema = SettingsSchema.of(
            Setting.text("jdbc-url", "JDBC URL").mandatory(),
            Setting.secret("password", "Database password"),
            Setting.of("query-timeout", SettingKind.DURATION, "Longest wait").withDefault("5s"),
            Setting.of("max-connections", SettingKind.INTEGER, "Pool size").withDefault("4"),
            Setting.choice("login-case", List.of("exact", "insensitive"), "Matching").withDefault("exact"),
            Setting.group("attributes", SettingKind.TEXT, "Attribute columns"));

    @Test
    void validSettingsGetTheirDefaults() {
        ConnectorSettings resolved = schema.resolve("tax", "legacy-database", ConnectorSettings.of(Map.of(
                "jdbc-url", "jdbc:postgresql://db/tax", "attributes.email", "mail", "query-timeout", "250ms")));
        assertThat(resolved.duration("query-timeout")).isEqualTo(Duration.ofMillis(250));
        assertThat(resolved.integer("max-connections")).isEqualTo(4);
        assertThat(resolved.text("login-case")).isEqualTo("exact");
        assertThat(resolved.group("attributes")).isEqualTo(Map.of("email", "mail"));
    }

    @Test
    void everyProblemNamesItsSetting() {
        List<SettingProblem> problems = schema.validate(ConnectorSettings.of(Map.of(
                "query-timeout", "soon", "max-connections", "four", "login-case", "loose", "jdbc-ulr", "x",
                "attributes.", "y")));
        assertThat(problems).extracting(SettingProblem::setting).containsExactlyInAnyOrder(
                "query-timeout", "max-connections", "login-case", "jdbc-ulr", "attributes.", "jdbc-url");
        assertThat(problems).filteredOn(p -> p.setting().equals("jdbc-url")).singleElement()
                .extracting(SettingProblem::problem).isEqualTo("must be given");
    }

    @Test
    void resolveThrowsWithAMessageNamingConnectorAndSettings() {
        assertThatThrownBy(() -> schema.resolve("tax", "legacy-database",
                ConnectorSettings.of(Map.of("jdbc-url", "x", "query-timeout", "soon"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Connector 'tax' (legacy-database): setting 'query-timeout' must be a duration such as "
                        + "250ms, 5s, 2m or PT5S, not 'soon'");
    }

    @Test
    void secretsAreNeverRepeatedInProblemsOrToString() {
        ConnectorSettings settings = ConnectorSettings.of(Map.of("jdbc-url", "x", "password", "hunter2"));
        assertThat(schema.validate(settings)).isEmpty();
        assertThat(settings.toString()).contains("password").doesNotContain("hunter2");
    }

    @Test
    void isoDurationsAreAccepted() {
        assertThat(schema.validate(ConnectorSettings.of(Map.of("jdbc-url", "x", "query-timeout", "PT2S")))).isEmpty();
    }

    @Test
    void aDefaultMustBeValid() {
        assertThatThrownBy(() -> Setting.of("t", SettingKind.DURATION, "d").withDefault("soon"))
                .hasMessageContaining("'t'");
    }
}
