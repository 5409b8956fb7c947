package dev.signet.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SettingProblem;
import dev.signet.connector.remote.internal.SigningKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteTypeTest {

    private static final String SIGNET_KEY = SigningKey.generate("signet-1");
    private static final String CONNECTOR_PUBLIC = SigningKey.parse(SigningKey.generate("connector-1"))
            .publicJwkSetJson();

    private static Map<String, String> valid() {
        return new HashMap<>(Map.of(
                "url", "https://connector.dvla.example/signet",
                "issuer", "https://signet.example",
                "signing-key", SIGNET_KEY,
                "connector-key", CONNECTOR_PUBLIC));
    }

    private static List<String> problems(Map<String, String> settings) {
        return new RemoteType().validate(ConnectorSettings.of(settings)).stream().map(SettingProblem::toString)
                .toList();
    }

    @Test
    void typeIsFoundThroughTheServiceLoader() {
        assertThat(ConnectorTypes.discover(getClass().getClassLoader()).find("remote")).isPresent();
    }

    @Test
    void validSettingsOpenWithoutTheRemoteBeingUp() {
        try (Connector connector = new RemoteType().open(ConnectorInstance.of("vehicle-tax", "Vehicle tax", "dvla"),
                ConnectorSettings.of(valid()))) {
            assertThat(connector).isInstanceOf(PasswordConnector.class).isInstanceOf(LookupConnector.class)
                    .isInstanceOf(ListingConnector.class);
        }
    }

    @Test
    void plainHttpUrlIsRefused() {
        Map<String, String> settings = valid();
        settings.put("url", "http://connector.dvla.example/signet");

        assertThat(problems(settings)).containsExactly("setting 'url' must be an https:// URL with a host");
    }

    @Test
    void urlCarryingCredentialsIsRefused() {
        Map<String, String> settings = valid();
        settings.put("url", "https://user:secret@connector.dvla.example/signet");

        assertThat(problems(settings)).containsExactly(
                "setting 'url' must not carry a query, a fragment or credentials");
    }

    @Test
    void publicKeyGivenAsSigningKeyIsRefusedWithoutRepeatingIt() {
        Map<String, String> settings = valid();
        settings.put("signing-key", CONNECTOR_PUBLIC.replace("{\"keys\":[", "").replace("]}", ""));

        assertThat(problems(settings)).containsExactly(
                "setting 'signing-key' is a public key; a private JWK is needed to sign");
    }

    @Test
    void privateKeyGivenAsTheConnectorsKeyIsRefused() {
        Map<String, String> settings = valid();
        settings.put("connector-key", SigningKey.generate("connector-1"));

        assertThat(problems(settings)).containsExactly(
                "setting 'connector-key' holds a private key: give only the public key");
    }

    @Test
    void theConnectorsKeyMustBeGivenOneWay() {
        Map<String, String> neither = valid();
        neither.remove("connector-key");
        Map<String, String> both = valid();
        both.put("connector-jwks-url", "https://connector.dvla.example/jwks.json");

        assertThat(problems(neither)).containsExactly("setting 'connector-key' or connector-jwks-url must be given: "
                + "the key the connector's answers are signed with");
        assertThat(problems(both)).containsExactly(
                "setting 'connector-key' and connector-jwks-url cannot both be given; choose one");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> settings = new HashMap<>(Map.of("request-timeout", "2h", "trust-certificates",
                "/nowhere/ca.pem"));

        assertThatThrownBy(() -> new RemoteType().open(ConnectorInstance.of("vehicle-tax", "Vehicle tax", "dvla"),
                ConnectorSettings.of(settings)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'url' must be given")
                .hasMessageContaining("setting 'issuer' must be given")
                .hasMessageContaining("setting 'signing-key' must be given")
                .hasMessageContaining("setting 'connector-key' or connector-jwks-url must be given")
                .hasMessageContaining("setting 'trust-certificates' names no readable file")
                .hasMessageContaining("setting 'request-timeout' must be from 100ms to PT1M");
    }
}
