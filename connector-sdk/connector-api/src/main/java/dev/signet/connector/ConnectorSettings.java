package dev.signet.connector;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A connector's configuration as flat name-value text, the way operators write it: nested configuration
 * ({@code columns: {subject: id}}) arrives flattened to dotted names ({@code columns.subject=id}).
 *
 * <p>The typed readers ({@link #integer}, {@link #duration}, ...) expect settings already checked by
 * {@link SettingsSchema#resolve}; on unchecked settings they throw {@link IllegalArgumentException} naming the
 * setting. {@link #toString()} prints names only: values may be secrets.
 */
public final class ConnectorSettings {

    private final Map<String, String> values;

    private ConnectorSettings(Map<String, String> values) {
        this.values = values;
    }

    /** Settings holding {@code values}, each trimmed. */
    public static ConnectorSettings of(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "setting name"),
                Objects.requireNonNull(value, () -> "value of setting " + name).trim()));
        return new ConnectorSettings(Map.copyOf(copy));
    }

    /** No settings at all. */
    public static ConnectorSettings empty() {
        return new ConnectorSettings(Map.of());
    }

    /** Every setting, by name. */
    public Map<String, String> asMap() {
        return values;
    }

    /** These settings plus {@code name=value} (replacing any earlier value). */
    public ConnectorSettings with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(name, value);
        return of(copy);
    }

    /** The setting's text, when given. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The setting's text; it must be given. */
    public String text(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("Setting '" + name + "' is not set"));
    }

    /** The setting as a whole number. */
    public long integer(String name) {
        String text = text(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + name + "' must be a whole number", e);
        }
    }

    /** The setting as {@code true} or {@code false}. */
    public boolean bool(String name) {
        return switch (text(name)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Setting '" + name + "' must be true or false");
        };
    }

    /** The setting as a length of time ({@code 5s}, {@code 250ms}, {@code PT5S}). */
    public Duration duration(String name) {
        return Durations.parse(text(name))
                .orElseThrow(() -> new IllegalArgumentException("Setting '" + name + "' must be a duration"));
    }

    /**
     * The members of group {@code prefix}, by the part of their name after {@code prefix.}: with
     * {@code attributes.email=mail}, {@code group("attributes")} is {@code {email=mail}}.
     */
    public Map<String, String> group(String prefix) {
        Map<String, String> members = new TreeMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix + ".") && name.length() > prefix.length() + 1) {
                members.put(name.substring(prefix.length() + 1), value);
            }
        });
        return Map.copyOf(members);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorSettings settings && settings.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ConnectorSettings" + new TreeSet<>(values.keySet());
    }
}
