package dev.signet.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a {@link ConnectorType} accepts, in the order an operator should read them. It checks a connector's
 * settings (every required one given, every value of its kind, no unknown names, which catches typos) and fills in
 * defaults.
 */
public final class SettingsSchema {

    private final List<Setting> settings;

    private SettingsSchema(List<Setting> settings) {
        this.settings = settings;
    }

    /** A schema of {@code settings}; names must be distinct. */
    public static SettingsSchema of(Setting... settings) {
        return of(List.of(settings));
    }

    /** A schema of {@code settings}; names must be distinct. */
    public static SettingsSchema of(List<Setting> settings) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting setting : settings) {
            if (byName.put(setting.name(), setting) != null) {
                throw new IllegalArgumentException("Setting '" + setting.name() + "' is described twice");
            }
        }
        return new SettingsSchema(List.copyOf(settings));
    }

    /** Every setting described. */
    public List<Setting> settings() {
        return settings;
    }

    /** The description of the setting or group that covers {@code name}. */
    public Optional<Setting> describing(String name) {
        return settings.stream().filter(setting -> setting.covers(name)).findFirst();
    }

    /** Whether {@code name} is a {@link SettingKind#SECRET} setting (or a member of a secret group). */
    public boolean isSecret(String name) {
        return describing(name).filter(setting -> setting.kind() == SettingKind.SECRET).isPresent();
    }

    /** Everything wrong with {@code given}; empty when nothing is. */
    public List<SettingProblem> validate(ConnectorSettings given) {
        Objects.requireNonNull(given, "given");
        List<SettingProblem> problems = new ArrayList<>();
        given.asMap().forEach((name, value) -> {
            Optional<Setting> setting = describing(name);
            if (setting.isEmpty()) {
                problems.add(new SettingProblem(name, "is not a setting of this connector type"));
            } else {
                setting.get().problemWith(value).ifPresent(problem -> problems.add(new SettingProblem(name, problem)));
            }
        });
        for (Setting setting : settings) {
            if (setting.required() && given.optional(setting.name()).isEmpty()) {
                problems.add(new SettingProblem(setting.name(), "must be given"));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * {@code given} with every default filled in, once valid.
     *
     * @throws InvalidSettingsException naming {@code connectorId}, {@code type} and every problem, when invalid
     */
    public ConnectorSettings resolve(String connectorId, String type, ConnectorSettings given) {
        List<SettingProblem> problems = validate(given);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(connectorId, type, problems);
        }
        Map<String, String> resolved = new LinkedHashMap<>(given.asMap());
        for (Setting setting : settings) {
            setting.defaultValue().ifPresent(value -> resolved.putIfAbsent(setting.name(), value));
        }
        return ConnectorSettings.of(resolved);
    }
}
