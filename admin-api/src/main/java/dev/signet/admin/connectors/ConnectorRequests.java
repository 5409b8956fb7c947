package dev.signet.admin.connectors;

import dev.signet.admin.web.InvalidRequestException;
import dev.signet.admin.web.InvalidRequestException.FieldError;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.ConnectorTypes;
import dev.signet.core.connectors.ConnectorMigration;
import dev.signet.core.connectors.ConnectorRecord;
import dev.signet.core.connectors.SealedSecrets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns an operator's {@link ConnectorRequest} into a connector to store, after checking it the way identity-server
 * checks the connectors file: the connector's own fields, then its settings against the type's own description
 * ({@link ConnectorType#validate}). Every problem is reported at once, each naming its field: {@code display_name},
 * {@code type}, {@code settings.jdbc-url}. Secret values are never repeated in a problem.
 */
final class ConnectorRequests {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    // The same form as a relying party's department, so the two compare as written.
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ConnectorTypes types;
    private final ConnectorSecrets secrets;

    ConnectorRequests(ConnectorTypes types, ConnectorSecrets secrets) {
        this.types = Objects.requireNonNull(types, "types");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * The connector {@code request} declares.
     *
     * @param id     the connector's id (from the body on a create, from the path on a replace)
     * @param stored the connector's current version on a replace: secret settings left out keep their values
     * @throws InvalidRequestException naming every field that is wrong
     */
    ConnectorRecord toRecord(String id, ConnectorRequest request, Optional<ConnectorRecord> stored) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "Give 1 to 63 lower-case letters, digits and hyphens, starting with a "
                    + "letter or digit (for example dvla-vehicle-tax). Linked identities refer to it: it cannot "
                    + "change later."));
        }
        String displayName = required(request.displayName(), "display_name", "Give the name citizens know the old "
                + "system by, such as Vehicle tax account.", errors);
        Optional<String> welsh = Optional.ofNullable(request.welshDisplayName()).filter(name -> !name.isBlank());
        String department = required(request.department(), "department", "Give the owning department's "
                + "identifier, such as dvla.", errors);
        if (department != null && !DEPARTMENT.matcher(department).matches()) {
            errors.add(new FieldError("department", "Write the department as lower-case letters, digits and "
                    + "hyphens, such as dvla: relying parties name their department the same way."));
        }
        ConnectorMigration migration = migration(request, errors);
        Optional<ConnectorType> type = Optional.empty();
        if (request.type() == null || request.type().isBlank()) {
            errors.add(new FieldError("type", "Give the connector type: one of " + String.join(", ", types.names())
                    + "."));
        } else if (stored.isPresent() && !stored.get().type().equals(request.type())) {
            errors.add(new FieldError("type", "A connector's type cannot change (it is " + stored.get().type()
                    + "): create a new connector instead."));
        } else {
            type = types.find(request.type());
            if (type.isEmpty()) {
                errors.add(new FieldError("type", "'" + request.type() + "' is not a connector type; known types: "
                        + String.join(", ", types.names()) + "."));
            }
        }
        Map<String, String> given = new TreeMap<>();
        flatten("", request.settings() == null ? Map.of() : request.settings(), given, errors);
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        if (type.isPresent()) {
            ConnectorType connectorType = type.get();
            given.forEach((name, value) -> (connectorType.schema().isSecret(name) ? secret : plain).put(name, value));
            // Secret settings left out of a replace keep their stored values.
            if (stored.isPresent() && errors.isEmpty() && !stored.get().secrets().names().isEmpty()) {
                Map<String, String> kept = secrets.open(stored.get().id(), stored.get().secrets());
                kept.forEach(secret::putIfAbsent);
            }
            Map<String, String> all = new TreeMap<>(plain);
            all.putAll(secret);
            connectorType.validate(ConnectorSettings.of(all)).forEach(problem -> errors.add(new FieldError(
                    "settings." + problem.setting(), "Setting '" + problem.setting() + "' " + problem.problem()
                            + ".")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        SealedSecrets sealed = secrets.seal(id, secret);
        return new ConnectorRecord(id, request.type(), displayName, welsh, department, plain, sealed, migration,
                request.enabled() == null || request.enabled());
    }

    private static String required(String value, String field, String detail, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, detail));
            return null;
        }
        return value.strip();
    }

    private static ConnectorMigration migration(ConnectorRequest request, List<FieldError> errors) {
        String mode = request.migration() == null ? "on-sign-in" : request.migration();
        Optional<ConnectorMigration.Mode> parsed = ConnectorMigration.Mode.fromValue(mode);
        if (parsed.isEmpty()) {
            errors.add(new FieldError("migration", "Give on-sign-in or dual-running."));
            return ConnectorMigration.ON_SIGN_IN;
        }
        if (parsed.get() == ConnectorMigration.Mode.ON_SIGN_IN) {
            if (request.keepCheckingUntil() != null) {
                errors.add(new FieldError("keep_checking_until", "Only goes with migration dual-running."));
            }
            return ConnectorMigration.ON_SIGN_IN;
        }
        if (request.keepCheckingUntil() == null) {
            errors.add(new FieldError("keep_checking_until", "Give the last day the old system is checked, such as "
                    + "2027-03-31: dual-running needs a cut-over date."));
            return ConnectorMigration.ON_SIGN_IN;
        }
        try {
            return ConnectorMigration.dualRunningUntil(LocalDate.parse(request.keepCheckingUntil()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("keep_checking_until", "Write the date as 2027-03-31."));
            return ConnectorMigration.ON_SIGN_IN;
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> settings, List<FieldError> errors) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, settings, errors);
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                settings.put(name, String.valueOf(value));
            } else {
                errors.add(new FieldError("settings." + name, "Setting '" + name + "' must be a single value (text, "
                        + "number or true/false)" + (value == null ? ", not null" : "") + "."));
            }
        });
    }
}
