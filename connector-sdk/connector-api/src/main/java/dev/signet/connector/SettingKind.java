package dev.signet.connector;

/**
 * What a setting's value looks like. Every value is written as text (in a configuration file, an environment variable
 * or an admin API request); the kind says how it is read and checked.
 */
public enum SettingKind {
    /** Any text. */
    TEXT,
    /** Text that is never shown back: passwords, keys, peppers. Descriptions and errors never repeat it. */
    SECRET,
    /** A whole number, written in decimal. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /**
     * A length of time: a number and a unit ({@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}), or ISO-8601
     * ({@code PT5S}).
     */
    DURATION,
    /** One of a fixed list of words, given in {@link Setting#choices()}. */
    CHOICE
}
