package dev.signet.connector.remote;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.Setting;
import dev.signet.connector.SettingKind;
import dev.signet.connector.SettingProblem;
import dev.signet.connector.SettingsSchema;
import dev.signet.connector.remote.internal.SigningKey;
import dev.signet.connector.remote.internal.StaticVerificationKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Connector type {@code remote}: a department's connector running in its own process, written in any language, that
 * Signet calls over HTTPS with signed requests and whose signed answers it checks. Registered for
 * {@link java.util.ServiceLoader}. See {@code docs/remote-connector-protocol.md}.
 */
public final class RemoteType implements ConnectorType {

    /** The type's name in configuration. */
    public static final String NAME = "remote";

    private static final SettingsSchema SCHEMA = SettingsSchema.of(
            Setting.text("url", "The connector's base HTTPS URL, as the department publishes it, for example "
                    + "https://connector.dvla.example/signet. Requests go to <url>/check-password and so on, and "
                    + "name this URL as their audience.").mandatory(),
            Setting.text("issuer", "Signet's issuer URL, which signs the requests (their iss) and receives the "
                    + "answers (their aud).").mandatory(),
            Setting.secret("signing-key", "Signet's private key for this connector, a JWK (EC P-256 recommended); "
                    + "the department verifies requests with its public half.").mandatory(),
            Setting.text("connector-key", "The connector's public key, a JWK or a JWK set, that its answers must be "
                    + "signed with. Give this or connector-jwks-url."),
            Setting.text("connector-jwks-url", "An HTTPS URL where the connector publishes its public keys (a JWK "
                    + "set). Give this or connector-key."),
            Setting.text("trust-certificates", "A PEM file of the certificates to trust for the connector's URL (its "
                    + "CA's, or its own self-signed one). The JVM's default authorities when not given."),
            Setting.of("connect-timeout", SettingKind.DURATION, "Longest wait for a connection to the connector.")
                    .withDefault("2s"),
            Setting.of("request-timeout", SettingKind.DURATION, "Longest wait for a whole call (connecting, TLS and "
                    + "the complete answer); beyond it the citizen is told the old system is unavailable.")
                    .withDefault("5s"),
            Setting.of("describe-refresh", SettingKind.DURATION, "How long the connector's list of operations is "
                    + "kept before it is asked again.").withDefault("5m"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Calls a department's own connector over HTTPS, with requests signed by Signet and answers signed by "
                + "the connector, so the legacy store never leaves the department.";
    }

    @Override
    public SettingsSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<SettingProblem> validate(ConnectorSettings settings) {
        List<SettingProblem> problems = new ArrayList<>(SCHEMA.validate(settings));
        ConnectorSettings usable = usable(settings, problems);
        usable.optional("url").ifPresent(url -> checkHttpsUrl("url", url, problems));
        usable.optional("connector-jwks-url").ifPresent(url -> checkHttpsUrl("connector-jwks-url", url, problems));
        usable.optional("issuer").filter(issuer -> !issuer.startsWith("https://") && !issuer.startsWith("http://"))
                .ifPresent(issuer -> problems.add(new SettingProblem("issuer", "must be Signet's issuer URL")));
        usable.optional("signing-key").ifPresent(key -> check("signing-key", () -> SigningKey.parse(key), problems));
        usable.optional("connector-key").ifPresent(key ->
                check("connector-key", () -> StaticVerificationKeys.parse(key), problems));
        boolean inline = usable.optional("connector-key").isPresent();
        boolean published = usable.optional("connector-jwks-url").isPresent();
        if (inline == published && !failing(problems).contains("connector-key")
                && !failing(problems).contains("connector-jwks-url")) {
            problems.add(new SettingProblem("connector-key", inline ? "and connector-jwks-url cannot both be given; "
                    + "choose one" : "or connector-jwks-url must be given: the key the connector's answers are "
                    + "signed with"));
        }
        usable.optional("trust-certificates").ifPresent(file -> {
            if (!Files.isReadable(Path.of(file))) {
                problems.add(new SettingProblem("trust-certificates", "names no readable file"));
            } else {
                check("trust-certificates", () -> TlsTrust.context(Optional.of(Path.of(file))), problems);
            }
        });
        checkDuration(usable, "connect-timeout", Duration.ofMillis(100), Duration.ofMinutes(1), problems);
        checkDuration(usable, "request-timeout", Duration.ofMillis(100), Duration.ofMinutes(1), problems);
        checkDuration(usable, "describe-refresh", Duration.ofSeconds(1), Duration.ofDays(1), problems);
        return List.copyOf(problems);
    }

    private static void checkHttpsUrl(String name, String url, List<SettingProblem> problems) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                problems.add(new SettingProblem(name, "must be an https:// URL with a host"));
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add(new SettingProblem(name, "must not carry a query, a fragment or credentials"));
            }
        } catch (URISyntaxException e) {
            problems.add(new SettingProblem(name, "is not a URL"));
        }
    }

    private static void check(String name, Runnable parse, List<SettingProblem> problems) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(name, e.getMessage()));
        }
    }

    private static Set<String> failing(List<SettingProblem> problems) {
        return problems.stream().map(SettingProblem::setting).collect(Collectors.toSet());
    }

    /** The settings without those already failing, defaults filled in, so cross-setting checks still run. */
    private static ConnectorSettings usable(ConnectorSettings settings, List<SettingProblem> problems) {
        Set<String> failing = failing(problems);
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

    private static void checkDuration(ConnectorSettings settings, String name, Duration least, Duration most,
            List<SettingProblem> problems) {
        Duration value = settings.duration(name);
        if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            problems.add(new SettingProblem(name, "must be from " + least.toMillis() + "ms to " + most));
        }
    }

    @Override
    public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(instance.id(), NAME, problems);
        }
        return new RemoteConnector(instance, RemoteSettings.from(SCHEMA.resolve(instance.id(), NAME, settings)));
    }
}
