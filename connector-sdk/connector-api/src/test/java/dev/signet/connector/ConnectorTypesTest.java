package dev.signet.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorTypesTest {

    /** A password connector type that accepts one fixed user: enough to exercise the registry. */
    static final class SingleUserType implements ConnectorType {

        @Override
        public String name() {
            return "single-user";
        }

        @Override
        public String description() {
            return "One user, for tests.";
        }

        @Override
        public SettingsSchema schema() {
            return SettingsSchema.of(Setting.text("subject", "The user's subject").mandatory());
        }

        @Override
        public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
            String subject = schema().resolve(instance.id(), name(), settings).text("subject");
            return (PasswordConnector) new PasswordConnector() {
                @Override
                public ConnectorInstance instance() {
                    return instance;
                }

                @Override
                public SignInOutcome checkPassword(String loginName, Password password) {
                    return new Authenticated(LegacyIdentity.of(instance.id(), subject));
                }
            };
        }
    }

    private final ConnectorTypes types = ConnectorTypes.of(List.of(new SingleUserType()));
    private final ConnectorInstance instance = ConnectorInstance.of("tax", "Tax account", "hmrc");

    @Test
    void opensADefinitionWithItsType() {
        Connector connector = types.open(new ConnectorDefinition(instance, "single-user",
                ConnectorSettings.of(Map.of("subject", "s1"))));
        assertThat(connector.capability(PasswordConnector.class)).isPresent();
        assertThat(connector.capability(LookupConnector.class)).isEmpty();
    }

    @Test
    void anUnknownTypeIsAProblemWithTheTypeSetting() {
        assertThatThrownBy(() -> types.open(new ConnectorDefinition(instance, "ldpa", ConnectorSettings.empty())))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'type'").hasMessageContaining("single-user");
    }

    @Test
    void invalidSettingsAreRefusedBeforeOpening() {
        assertThatThrownBy(() -> types.open(new ConnectorDefinition(instance, "single-user",
                ConnectorSettings.empty())))
                .hasMessage("Connector 'tax' (single-user): setting 'subject' must be given");
    }

    @Test
    void twoTypesWithOneNameAreRefused() {
        assertThatThrownBy(() -> ConnectorTypes.of(List.of(new SingleUserType(), new SingleUserType())))
                .hasMessageContaining("single-user");
    }
}
