package dev.signet.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connector types Signet knows, by name: where a declared connector's {@code type} is resolved. */
public final class ConnectorTypes {

    private final Map<String, ConnectorType> byName;

    private ConnectorTypes(Map<String, ConnectorType> byName) {
        this.byName = byName;
    }

    /** Exactly {@code types}; names must be distinct. */
    public static ConnectorTypes of(List<ConnectorType> types) {
        Map<String, ConnectorType> byName = new TreeMap<>();
        for (ConnectorType type : types) {
            ConnectorType previous = byName.put(type.name(), type);
            if (previous != null) {
                throw new IllegalArgumentException("Two connector types are named '" + type.name() + "': "
                        + previous.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return new ConnectorTypes(Map.copyOf(byName));
    }

    /** Every type registered through {@link ServiceLoader} visible to {@code classLoader}. */
    public static ConnectorTypes discover(ClassLoader classLoader) {
        return of(ServiceLoader.load(ConnectorType.class, classLoader).stream().map(ServiceLoader.Provider::get)
                .toList());
    }

    /** The type named {@code name}. */
    public Optional<ConnectorType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names of every known type, sorted. */
    public List<String> names() {
        return List.copyOf(new java.util.TreeSet<>(byName.keySet()));
    }

    /** Everything wrong with {@code definition}, each naming its setting ({@code type} for an unknown type). */
    public List<SettingProblem> validate(ConnectorDefinition definition) {
        return find(definition.type()).map(type -> type.validate(definition.settings()))
                .orElseGet(() -> List.of(unknownType(definition.type())));
    }

    /**
     * Opens {@code definition} with its type.
     *
     * @throws InvalidSettingsException when the type is unknown or the settings are invalid
     */
    public Connector open(ConnectorDefinition definition) {
        ConnectorType type = find(definition.type()).orElseThrow(() -> new InvalidSettingsException(
                definition.instance().id(), definition.type(), List.of(unknownType(definition.type()))));
        List<SettingProblem> problems = type.validate(definition.settings());
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(definition.instance().id(), type.name(), problems);
        }
        return type.open(definition.instance(), definition.settings());
    }

    private SettingProblem unknownType(String name) {
        return new SettingProblem("type", "names no known connector type ('" + name + "'); known types: "
                + String.join(", ", names()));
    }
}
