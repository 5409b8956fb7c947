package dev.signet.server.migration;

import dev.signet.server.federation.ConnectorFileException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads each connector's migration settings from the connectors file, beside what the federation loader reads from
 * the same entries:
 *
 * <pre>
 * connectors:
 *   - id: vehicle-tax
 *     ...
 *     migration: dual-running          # or on-sign-in, the default
 *     keep-checking-until: 2027-03-31  # the last day of dual running (ISO date); only with dual-running
 * </pre>
 *
 * The federation loader has already checked the file's shape and ids; this reader checks only these two fields and
 * reports every problem at once, each naming the connector and the field, so that a wrong setting stops Signet.
 */
final class MigrationSettingsReader {

    static final String MIGRATION = "migration";
    static final String KEEP_CHECKING_UNTIL = "keep-checking-until";

    /** The policy of each connector that declares one; connectors not in the map migrate on sign-in. */
    Map<String, MigrationPolicy> read(Resource file, String location) {
        Object document;
        try (InputStream in = file.getInputStream()) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | RuntimeException e) {
            throw new ConnectorFileException(location, List.of("cannot be read: " + e.getMessage()));
        }
        Map<String, MigrationPolicy> policies = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (document instanceof Map<?, ?> root && root.get("connectors") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> fields && fields.get("id") instanceof String id) {
                    policy(id, fields, problems).ifPresent(policy -> policies.put(id, policy));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConnectorFileException(location, problems);
        }
        return Map.copyOf(policies);
    }

    private static Optional<MigrationPolicy> policy(String id, Map<?, ?> fields, List<String> problems) {
        Object mode = fields.get(MIGRATION);
        Object until = fields.get(KEEP_CHECKING_UNTIL);
        String label = "connector '" + id + "', field ";
        if (mode == null && until == null) {
            return Optional.empty();
        }
        Optional<MigrationPolicy.Mode> parsed = mode == null ? Optional.of(MigrationPolicy.Mode.ON_SIGN_IN)
                : MigrationPolicy.Mode.fromSettingValue(String.valueOf(mode));
        if (parsed.isEmpty()) {
            problems.add(label + "'" + MIGRATION + "': must be on-sign-in or dual-running, not '" + mode + "'");
            return Optional.empty();
        }
        if (parsed.get() == MigrationPolicy.Mode.ON_SIGN_IN) {
            if (until != null) {
                problems.add(label + "'" + KEEP_CHECKING_UNTIL + "': only goes with migration: dual-running");
                return Optional.empty();
            }
            return Optional.of(MigrationPolicy.ON_SIGN_IN);
        }
        if (until == null) {
            problems.add(label + "'" + KEEP_CHECKING_UNTIL + "': must be given with migration: dual-running "
                    + "(the last day the old system is checked, like 2027-03-31)");
            return Optional.empty();
        }
        Optional<LocalDate> lastDay = date(until);
        if (lastDay.isEmpty()) {
            problems.add(label + "'" + KEEP_CHECKING_UNTIL + "': must be a date like 2027-03-31, not '" + until
                    + "'");
            return Optional.empty();
        }
        return Optional.of(MigrationPolicy.dualRunningUntil(lastDay.get()));
    }

    /** YAML reads an unquoted 2027-03-31 as a timestamp at midnight UTC, a quoted one as text: both are accepted. */
    private static Optional<LocalDate> date(Object value) {
        if (value instanceof Date date) {
            return Optional.of(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        }
        try {
            return Optional.of(LocalDate.parse(String.valueOf(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
