package dev.signet.server.federation;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and validates the connectors file:
 *
 * <pre>
 * connectors:
 *   - id: vehicle-tax
 *     display-name: Vehicle tax account
 *     welsh-display-name: Cyfrif treth cerbyd
 *     department: dvla
 *     type: legacy-database
 *     settings:
 *       jdbc-url: jdbc:postgresql://legacy-db.internal/accounts
 *       password: ${LEGACY_DB_PASSWORD}
 *       columns: { subject: customer_no }
 * </pre>
 *
 * Nested settings become dotted names ({@code columns.subject}); {@code ${NAME}} in a value is taken from the
 * environment, so secrets stay out of the file. Every problem is collected and reported at once, each naming the
 * connector and the field or setting, and the type validates its own settings, so an operator fixes the file in one
 * pass.
 */
final class ConnectorFileLoader {

    /** {@code migration} and {@code keep-checking-until} are read by dev.signet.server.migration. */
    static final Set<String> FIELDS = Set.of("id", "display-name", "welsh-display-name", "department", "type",
            "settings", "migration", "keep-checking-until");

    private final ConnectorTypes types;
    private final UnaryOperator<String> placeholders;

    /**
     * @param placeholders resolves {@code ${NAME}} in setting values; throws {@link IllegalArgumentException} when a
     *                     name is not set
     */
    ConnectorFileLoader(ConnectorTypes types, UnaryOperator<String> placeholders) {
        this.types = types;
        this.placeholders = placeholders;
    }

    /** Every connector declared in {@code resource}, validated by its type; or throws naming each problem. */
    List<ConnectorDefinition> load(Resource resource) {
        String file = describe(resource);
        Object document;
        try (InputStream in = resource.getInputStream()) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new ConnectorFileException(file, List.of("cannot be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            throw new ConnectorFileException(file, List.of("is not valid YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        List<ConnectorDefinition> definitions = parse(document, problems);
        if (!problems.isEmpty()) {
            throw new ConnectorFileException(file, problems);
        }
        return definitions;
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private List<ConnectorDefinition> parse(Object document, List<String> problems) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("connectors") instanceof List<?> entries)) {
            if (document instanceof Map<?, ?> root && root.containsKey("connectors") && root.get("connectors") == null) {
                return List.of(); // "connectors:" with nothing under it
            }
            problems.add("must have a top-level list 'connectors' (it may be empty: connectors: [])");
            return List.of();
        }
        root.keySet().stream().filter(key -> !"connectors".equals(key))
                .forEach(key -> problems.add("unknown top-level field '" + key + "'"));
        List<ConnectorDefinition> definitions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                problems.add("entry " + (i + 1) + " of 'connectors' must be a map of fields");
                continue;
            }
            entry(entry, i, problems).ifPresent(definition -> {
                if (ids.add(definition.instance().id())) {
                    definitions.add(definition);
                } else {
                    problems.add("connector '" + definition.instance().id() + "', field 'id': declared more than once");
                }
            });
        }
        return definitions;
    }

    private Optional<ConnectorDefinition> entry(Map<?, ?> fields, int index, List<String> problems) {
        int before = problems.size();
        String label = fields.get("id") instanceof String id && !id.isBlank() ? "connector '" + id + "'"
                : "entry " + (index + 1);
        fields.keySet().stream().map(String::valueOf).filter(key -> !FIELDS.contains(key)).forEach(key ->
                problems.add(label + ", field '" + key + "': is not a known field (known: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
        String id = text(fields, "id", label, problems, true);
        String displayName = text(fields, "display-name", label, problems, true);
        String welsh = text(fields, "welsh-display-name", label, problems, false);
        String department = text(fields, "department", label, problems, true);
        String type = text(fields, "type", label, problems, true);
        if (type != null && types.find(type).isEmpty()) {
            problems.add(label + ", field 'type': '" + type + "' is not a connector type (known: "
                    + String.join(", ", types.names()) + ")");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Object given = fields.get("settings");
        if (given instanceof Map<?, ?> map) {
            flatten("", map, settings, label, problems);
        } else if (given != null) {
            problems.add(label + ", field 'settings': must be a map of settings");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        ConnectorInstance instance;
        try {
            instance = new ConnectorInstance(id, displayName, Optional.ofNullable(welsh), department);
        } catch (IllegalArgumentException e) {
            problems.add(label + ": " + e.getMessage());
            return Optional.empty();
        }
        ConnectorDefinition definition = new ConnectorDefinition(instance, type, ConnectorSettings.of(settings));
        types.validate(definition).forEach(problem -> problems.add(label + " (" + type + "), " + problem));
        return problems.size() > before ? Optional.empty() : Optional.of(definition);
    }

    private void flatten(String prefix, Map<?, ?> map, Map<String, String> settings, String label,
            List<String> problems) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, settings, label, problems);
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                try {
                    settings.put(name, placeholders.apply(String.valueOf(value)));
                } catch (IllegalArgumentException e) {
                    problems.add(label + ", setting '" + name + "': " + e.getMessage());
                }
            } else {
                problems.add(label + ", setting '" + name + "': must be a single value"
                        + (value == null ? ", not empty" : ""));
            }
        });
    }

    private static String text(Map<?, ?> fields, String field, String label, List<String> problems,
            boolean required) {
        Object value = fields.get(field);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (value != null || required) {
            problems.add(label + ", field '" + field + "': " + (value == null ? "is required" : "must be text"));
        }
        return null;
    }
}
