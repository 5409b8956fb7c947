package dev.signet.admin.connectors;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.SealedSecrets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals and opens connectors' secret settings, when the admin API has the key-encryption key
 * ({@code signet.admin.connectors.encryption-key}); without it, anything that needs a secret value is refused with
 * {@link KeyMissingException}.
 */
public final class ConnectorSecrets {

    private final Optional<ConnectorSecretSealer> sealer;

    ConnectorSecrets(Optional<ConnectorSecretSealer> sealer) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    SealedSecrets seal(String connectorId, Map<String, String> secrets) {
        return secrets.isEmpty() ? SealedSecrets.NONE : sealer().seal(connectorId, secrets);
    }

    Map<String, String> open(String connectorId, SealedSecrets secrets) {
        return secrets.names().isEmpty() ? Map.of() : sealer().open(connectorId, secrets);
    }

    /** The stored connector as its type opens it: plain and secret settings together. */
    ConnectorDefinition definition(ConnectorRecord connector) {
        Map<String, String> settings = new HashMap<>(connector.settings());
        settings.putAll(open(connector.id(), connector.secrets()));
        return new ConnectorDefinition(new ConnectorInstance(connector.id(), connector.displayName(),
                connector.welshDisplayName(), connector.department()), connector.type(),
                ConnectorSettings.of(settings));
    }

    private ConnectorSecretSealer sealer() {
        return sealer.orElseThrow(KeyMissingException::new);
    }

    /** A secret setting must be sealed or opened, and the admin API was not given the key. */
    static final class KeyMissingException extends RuntimeException {
        KeyMissingException() {
            super("This connector has secret settings, and the admin API cannot encrypt or decrypt them: set "
                    + "signet.admin.connectors.encryption-key (SIGNET_KEYS_ENCRYPTION_KEY) to identity-server's "
                    + "signet.keys.encryption-key.");
        }
    }
}
