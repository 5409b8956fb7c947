package dev.signet.connector.legacydb;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.Setting;
import dev.signet.connector.SettingKind;
import dev.signet.connector.SettingProblem;
import dev.signet.connector.SettingsSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Connector type {@code legacy-database}: a table, or a query, in a legacy SQL database reached over JDBC. Registered
 * for {@link java.util.ServiceLoader}. See {@code docs/legacy-database-connector.md} for every setting.
 */
public final class LegacyDatabaseType implements ConnectorType {

    /** The type's name in configuration. */
    public static final String NAME = "legacy-database";

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private static final SettingsSchema SCHEMA = SettingsSchema.of(
            Setting.text("jdbc-url", "JDBC URL of the legacy database, for example "
                    + "jdbc:postgresql://legacy-db.internal:5432/accounts. The driver must be on Signet's class path "
                    + "(PostgreSQL's is).").mandatory(),
            Setting.text("username", "Database user Signet connects as; give it read access to the users only."),
            Setting.secret("password", "That user's password."),
            Setting.text("table", "The users table, optionally schema-qualified (legacy.users). Give this or query."),
            Setting.text("query", "A SELECT returning one row per user with the mapped columns, used instead of "
                    + "table when users span tables: SELECT u.id, u.email AS username, p.hash AS password_hash FROM "
                    + "users u JOIN passwords p ON p.user_id = u.id. Signet adds its own WHERE and ORDER BY around it."),
            Setting.text("columns.subject", "Column holding each user's stable identifier, the legacy subject.")
                    .withDefault("id"),
            Setting.text("columns.login", "Column holding what users sign in with (user name, email, customer number).")
                    .withDefault("username"),
            Setting.text("columns.password-hash", "Column holding the password hash, in any supported format.")
                    .withDefault("password_hash"),
            Setting.text("columns.salt", "Column holding a separate salt, for unprefixed digests that were salted."),
            Setting.text("columns.email-verified", "Boolean column: when true for a user, their email attribute is "
                    + "passed on as verified."),
            Setting.group("attributes", SettingKind.TEXT, "attributes.<name>=<column>: a column passed on as an "
                    + "unverified attribute, named after the OpenID Connect claim it fills (attributes.email=email_address, "
                    + "attributes.given_name=first_name)."),
            Setting.group("verified-attributes", SettingKind.TEXT, "verified-attributes.<name>=<column>: a column the "
                    + "department vouches for, passed on as a verified attribute."),
            Setting.choice("login-match", List.of("exact", "case-insensitive"), "How the login name typed is matched "
                    + "to the login column.").withDefault("exact"),
            Setting.choice("hash.unprefixed", List.of("digest", "hmac"), "What a hash without a recognised prefix is: "
                    + "a plain digest, or an HMAC keyed with hash.pepper.").withDefault("digest"),
            Setting.secret("hash.pepper", "The application-wide secret key of HMAC hashes."),
            Setting.choice("hash.pepper-encoding", List.of("text", "hex", "base64"), "How hash.pepper is written.")
                    .withDefault("text"),
            Setting.choice("hash.salt-position", List.of("before", "after"), "Where the salt column's value joins the "
                    + "password in unprefixed digests.").withDefault("after"),
            Setting.of("connect-timeout", SettingKind.DURATION, "Longest wait for a database connection; beyond it "
                    + "the citizen is told the old system is unavailable.").withDefault("5s"),
            Setting.of("query-timeout", SettingKind.DURATION, "Longest wait for one query (whole seconds, at least 1).")
                    .withDefault("5s"),
            Setting.of("max-connections", SettingKind.INTEGER, "Most connections kept open to the database.")
                    .withDefault("4"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checks passwords against a users table, or a query, in a legacy SQL database over JDBC, reading the "
                + "hash formats legacy systems hold.";
    }

    @Override
    public SettingsSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<SettingProblem> validate(ConnectorSettings settings) {
        List<SettingProblem> problems = new ArrayList<>(SCHEMA.validate(settings));
        ConnectorSettings resolved = usable(settings, problems);
        resolved.optional("jdbc-url").filter(url -> !url.startsWith("jdbc:")).ifPresent(url -> problems.add(
                new SettingProblem("jdbc-url", "must be a JDBC URL starting with jdbc:")));
        resolved.optional("jdbc-url").filter(url -> url.toLowerCase(Locale.ROOT).contains("password="))
                .ifPresent(url -> problems.add(new SettingProblem("jdbc-url", "must not hold a password (URLs are "
                        + "logged): give it in the password setting")));
        boolean table = resolved.optional("table").isPresent();
        boolean query = resolved.optional("query").isPresent();
        if (table == query) {
            problems.add(new SettingProblem("table", table ? "and query cannot both be given; choose one"
                    : "or query must be given"));
        }
        resolved.optional("table").filter(name -> !TABLE.matcher(name).matches()).ifPresent(name -> problems.add(
                new SettingProblem("table", "must be a plain table name, optionally schema-qualified (letters, "
                        + "digits, underscores)")));
        resolved.optional("query").ifPresent(text -> {
            String start = text.stripLeading().toLowerCase(Locale.ROOT);
            if (!(start.startsWith("select") || start.startsWith("with")) || text.contains(";")) {
                problems.add(new SettingProblem("query", "must be one SELECT (or WITH ... SELECT) statement, "
                        + "without a semicolon"));
            }
        });
        resolved.asMap().forEach((name, value) -> {
            boolean column = name.startsWith("columns.") || name.startsWith("attributes.")
                    || name.startsWith("verified-attributes.");
            if (column && !IDENTIFIER.matcher(value).matches()) {
                problems.add(new SettingProblem(name, "must be a plain column name (letters, digits, underscores)"));
            }
        });
        Map<String, String> unverified = resolved.group("attributes");
        resolved.group("verified-attributes").keySet().stream().filter(unverified::containsKey).forEach(name ->
                problems.add(new SettingProblem("verified-attributes." + name, "is also given as attributes." + name)));
        if (resolved.optional("columns.email-verified").isPresent() && !unverified.containsKey("email")) {
            problems.add(new SettingProblem("columns.email-verified", "needs attributes.email, the email it vouches "
                    + "for"));
        }
        if (resolved.text("hash.unprefixed").equals("hmac") && resolved.optional("hash.pepper").isEmpty()) {
            problems.add(new SettingProblem("hash.pepper", "must be given when hash.unprefixed is hmac"));
        }
        resolved.optional("hash.pepper").ifPresent(pepper -> {
            if (Pepper.decode(pepper, resolved.text("hash.pepper-encoding")).isEmpty()) {
                problems.add(new SettingProblem("hash.pepper", "is not valid " + resolved.text("hash.pepper-encoding")
                        + " (hash.pepper-encoding)"));
            }
        });
        checkDuration(resolved, "connect-timeout", Duration.ofMillis(250), problems);
        checkDuration(resolved, "query-timeout", Duration.ofSeconds(1), problems);
        long connections = resolved.integer("max-connections");
        if (connections < 1 || connections > 64) {
            problems.add(new SettingProblem("max-connections", "must be from 1 to 64"));
        }
        return List.copyOf(problems);
    }

    /**
     * The settings without those already failing, defaults filled in, so that the checks across settings still run
     * (and every problem is reported at once) without tripping over a value known to be wrong.
     */
    private static ConnectorSettings usable(ConnectorSettings settings, List<SettingProblem> problems) {
        Set<String> failing = problems.stream().map(SettingProblem::setting).collect(Collectors.toSet());
        Map<String, String> usable = new HashMap<>();
        settings.asMap().forEach((name, value) -> {
            if (!failing.contains(name)) {
                usable.put(name, value);
            }
        });
        SCHEMA.settings().forEach(setting -> setting.defaultValue()
                .ifPresent(value -> usable.putIfAbsent(setting.name(), value)));
        return ConnectorSettings.of(usable);
    }

    private static void checkDuration(ConnectorSettings settings, String name, Duration least,
            List<SettingProblem> problems) {
        Duration value = settings.duration(name);
        if (value.compareTo(least) < 0 || value.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add(new SettingProblem(name, "must be from " + least.toMillis() + "ms to 1m"));
        }
    }

    @Override
    public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(instance.id(), NAME, problems);
        }
        return new LegacyDatabaseConnector(instance, LegacyDatabaseSettings.from(SCHEMA.resolve(instance.id(), NAME,
                settings)));
    }
}
