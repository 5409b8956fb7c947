package dev.signet.server.migration;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.SettingsSchema;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.ConnectorStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the connectors file's entries to PostgreSQL at start-up, so that operators see them in the admin API: secret
 * settings (as each type describes them) sealed, the migration settings as the file declares them. An entry an
 * operator has since changed through the admin API is left as the operator made it, and reported.
 */
final class FileConnectorRecords {

    private static final Logger log = LoggerFactory.getLogger(FileConnectorRecords.class);

    private FileConnectorRecords() {
    }

    static void write(List<ConnectorDefinition> definitions, ConnectorTypes types, MigrationPolicies policies,
            ConnectorSecretSealer sealer, ConnectorStore store) {
        List<ConnectorRecord> records = definitions.stream()
                .map(definition -> record(definition, types, policies, sealer)).toList();
        List<String> ignored = store.replaceFileDeclared(records,
                (id, stored, declared) -> sealer.open(id, stored).equals(sealer.open(id, declared)));
        if (!ignored.isEmpty()) {
            log.warn("Connectors {} are managed through the admin API: their entries in the connectors file are "
                    + "ignored (docs/legacy-sign-in.md \"The connectors file and the admin API\")", ignored);
        }
    }

    private static ConnectorRecord record(ConnectorDefinition definition, ConnectorTypes types,
            MigrationPolicies policies, ConnectorSecretSealer sealer) {
        SettingsSchema schema = types.find(definition.type()).orElseThrow().schema();
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        definition.settings().asMap().forEach((name, value) ->
                (schema.isSecret(name) ? secret : plain).put(name, value));
        String id = definition.instance().id();
        return new ConnectorRecord(id, definition.type(), definition.instance().displayName(),
                definition.instance().welshDisplayName(), definition.instance().department(), plain,
                sealer.seal(id, secret), MigrationPolicies.stored(policies.fileDeclared(id)), true);
    }
}
