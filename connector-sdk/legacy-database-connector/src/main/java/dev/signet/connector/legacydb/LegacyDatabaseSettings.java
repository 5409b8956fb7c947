package dev.signet.connector.legacydb;

import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.legacydb.hash.HashOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The checked settings of one legacy database connector, typed. */
record LegacyDatabaseSettings(String jdbcUrl, Optional<String> username, Optional<String> password, String source,
        Columns columns, Map<String, String> attributes, Map<String, String> verifiedAttributes,
        boolean caseInsensitiveLogin, HashOptions hashOptions, Duration connectTimeout, Duration queryTimeout,
        int maxConnections) {

    /** The mapped column names. */
    record Columns(String subject, String login, String passwordHash, Optional<String> salt,
            Optional<String> emailVerified) {
    }

    static LegacyDatabaseSettings from(ConnectorSettings settings) {
        String source = settings.optional("table")
                .orElseGet(() -> "(" + settings.text("query") + ") legacy_users");
        byte[] pepper = settings.optional("hash.pepper")
                .flatMap(value -> Pepper.decode(value, settings.text("hash.pepper-encoding"))).orElse(new byte[0]);
        HashOptions hashOptions = new HashOptions(
                settings.text("hash.unprefixed").equals("hmac") ? HashOptions.Unprefixed.HMAC
                        : HashOptions.Unprefixed.DIGEST,
                pepper,
                settings.text("hash.salt-position").equals("before") ? HashOptions.SaltPosition.BEFORE
                        : HashOptions.SaltPosition.AFTER);
        return new LegacyDatabaseSettings(settings.text("jdbc-url"), settings.optional("username"),
                settings.optional("password"), source,
                new Columns(settings.text("columns.subject"), settings.text("columns.login"),
                        settings.text("columns.password-hash"), settings.optional("columns.salt"),
                        settings.optional("columns.email-verified")),
                settings.group("attributes"), settings.group("verified-attributes"),
                settings.text("login-match").equals("case-insensitive"), hashOptions,
                settings.duration("connect-timeout"), settings.duration("query-timeout"),
                (int) settings.integer("max-connections"));
    }

    @Override
    public String toString() {
        return "LegacyDatabaseSettings[source=" + source + ", columns=" + columns + ", password=(redacted)]";
    }
}
