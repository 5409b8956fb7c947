package dev.signet.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The description of one setting a {@link ConnectorType} accepts: what an operator reads to configure a connector,
 * and what {@link SettingsSchema#validate} checks.
 *
 * <p>A <em>group</em> setting stands for a family of settings sharing a prefix: group {@code attributes} accepts
 * {@code attributes.email}, {@code attributes.given_name}, ..., each of the group's kind.
 *
 * <pre>{@code
 * Setting.text("jdbc-url", "JDBC URL of the legacy database").mandatory()
 * Setting.of("query-timeout", SettingKind.DURATION, "Longest wait for one query").withDefault("5s")
 * Setting.choice("login-case", List.of("exact", "insensitive"), "How login names are matched").withDefault("exact")
 * Setting.group("attributes", SettingKind.TEXT, "Column holding each unverified attribute")
 * }</pre>
 *
 * @param name         the setting's name: lower-case words separated by hyphens, dot-separated for nesting
 * @param kind         how the value is read
 * @param required     whether the setting must be given (a setting with a default never needs to be)
 * @param defaultValue the value used when the setting is not given
 * @param choices      the accepted words, for {@link SettingKind#CHOICE}; empty otherwise
 * @param group        whether {@code name} is a prefix for a family of settings
 * @param description  one or two plain sentences for operators
 */
public record Setting(String name, SettingKind kind, boolean required, Optional<String> defaultValue,
        List<String> choices, boolean group, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*");

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Setting name '" + name + "' is not lower-case words with hyphens");
        }
        if ((kind == SettingKind.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("Setting '" + name + "': choices go with, and only with, kind CHOICE");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("Setting '" + name + "' cannot be both required and defaulted");
        }
        if (group && (required || defaultValue.isPresent())) {
            throw new IllegalArgumentException("Group setting '" + name + "' cannot be required or defaulted");
        }
        if (kind == SettingKind.SECRET && defaultValue.isPresent()) {
            throw new IllegalArgumentException("Secret setting '" + name + "' cannot have a default");
        }
    }

    /** An optional setting of {@code kind}, with no default. */
    public static Setting of(String name, SettingKind kind, String description) {
        return new Setting(name, kind, false, Optional.empty(), List.of(), false, description);
    }

    /** An optional text setting. */
    public static Setting text(String name, String description) {
        return of(name, SettingKind.TEXT, description);
    }

    /** An optional secret setting. */
    public static Setting secret(String name, String description) {
        return of(name, SettingKind.SECRET, description);
    }

    /** An optional setting that takes one of {@code choices}. */
    public static Setting choice(String name, List<String> choices, String description) {
        return new Setting(name, SettingKind.CHOICE, false, Optional.empty(), choices, false, description);
    }

    /** A family of settings {@code prefix.<anything>}, each of {@code kind}. */
    public static Setting group(String prefix, SettingKind kind, String description) {
        return new Setting(prefix, kind, false, Optional.empty(), List.of(), true, description);
    }

    /** This setting, required. */
    public Setting mandatory() {
        return new Setting(name, kind, true, Optional.empty(), choices, group, description);
    }

    /** This setting, with a default value (which must itself be valid). */
    public Setting withDefault(String value) {
        Setting defaulted = new Setting(name, kind, false, Optional.of(value), choices, group, description);
        defaulted.problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("Default of setting '" + name + "' is invalid: " + problem);
        });
        return defaulted;
    }

    /** Whether {@code key} is this setting or, for a group, a member of it. */
    public boolean covers(String key) {
        return group ? key.startsWith(name + ".") && key.length() > name.length() + 1 : key.equals(name);
    }

    /**
     * What is wrong with {@code value} for this setting's kind, in words fit to follow the setting's name; empty when
     * nothing is. A secret value is never repeated.
     */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is empty");
        }
        return switch (kind) {
            case TEXT, SECRET -> Optional.empty();
            case INTEGER -> {
                try {
                    Long.parseLong(value.trim());
                    yield Optional.empty();
                } catch (NumberFormatException e) {
                    yield Optional.of("must be a whole number, not '" + value + "'");
                }
            }
            case BOOLEAN -> value.trim().equals("true") || value.trim().equals("false") ? Optional.empty()
                    : Optional.of("must be true or false, not '" + value + "'");
            case DURATION -> Durations.parse(value).isPresent() ? Optional.empty()
                    : Optional.of("must be a duration such as 250ms, 5s, 2m or PT5S, not '" + value + "'");
            case CHOICE -> choices.contains(value.trim()) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices) + ", not '" + value + "'");
        };
    }
}
