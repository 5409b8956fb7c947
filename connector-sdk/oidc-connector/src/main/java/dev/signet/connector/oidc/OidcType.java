package dev.signet.connector.oidc;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.Setting;
import dev.signet.connector.SettingKind;
import dev.signet.connector.SettingProblem;
import dev.signet.connector.SettingsSchema;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Connector type {@code oidc}: an upstream OpenID Connect provider that citizens are sent to, and come back from,
 * signed in. Registered for {@link java.util.ServiceLoader}. See {@code docs/oidc-connector.md} for every setting.
 */
public final class OidcType implements ConnectorType {

    /** The type's name in configuration. */
    public static final String NAME = "oidc";

    private static final SettingsSchema SCHEMA = SettingsSchema.of(
            Setting.text("issuer", "The upstream provider's issuer identifier, exactly as its discovery document "
                    + "states it (https://idp.example.gov.uk/realms/citizens). Signet reads "
                    + "<issuer>/.well-known/openid-configuration.").mandatory(),
            Setting.text("client-id", "The client id the upstream provider registered for Signet.").mandatory(),
            Setting.choice("client-authentication", ClientAuthentication.METHODS, "How Signet authenticates at the "
                    + "token endpoint.").withDefault("client_secret_basic"),
            Setting.secret("client-secret", "The client secret, for client_secret_basic and client_secret_post."),
            Setting.secret("private-key", "Signet's private key as a JSON Web Key (RSA or EC, with a kid), for "
                    + "private_key_jwt; register its public half with the upstream provider."),
            Setting.text("scopes", "Scopes asked for, separated by spaces; must include openid.")
                    .withDefault("openid email profile"),
            Setting.group("claims", SettingKind.TEXT, "claims.<attribute>=<upstream claim>: the upstream claim that "
                    + "fills each attribute (claims.email=mail). Without any, the standard claims email, given_name, "
                    + "family_name and phone_number are passed on under their own names."),
            Setting.text("verified-attributes", "Attributes the department vouches for, separated by spaces: passed on "
                    + "as verified. email and phone_number are verified only when the upstream also says so "
                    + "(email_verified, phone_number_verified true).").withDefault("email phone_number"),
            Setting.text("subject-claim", "The upstream claim holding the citizen's stable identifier (Entra ID: "
                    + "oid).").withDefault("sub"),
            Setting.text("id-token-algorithms", "Signature algorithms accepted on ID tokens, separated by spaces. "
                    + "none is never accepted; HS256/384/512 only when listed here, with a client secret.")
                    .withDefault("RS256 PS256 ES256"),
            Setting.of("clock-skew", SettingKind.DURATION, "How far the upstream's clock may differ from Signet's "
                    + "when checking exp and iat (at most 5m).").withDefault("60s"),
            Setting.of("connect-timeout", SettingKind.DURATION, "Longest wait for a connection to the upstream "
                    + "provider.").withDefault("3s"),
            Setting.of("timeout", SettingKind.DURATION, "Longest time one step (starting, or handling the callback) "
                    + "may spend on the upstream provider; beyond it the citizen is told the old system is "
                    + "unavailable.").withDefault("10s"),
            Setting.of("metadata-refresh", SettingKind.DURATION, "How long the discovery document and signing keys "
                    + "are kept before they are fetched again (keys are also fetched again at once when an ID token "
                    + "names an unknown key).").withDefault("1h"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sends citizens to sign in at an upstream OpenID Connect provider (a department's own, a Keycloak "
                + "realm, Entra ID) and maps the verified ID token's claims to a legacy identity.";
    }

    @Override
    public SettingsSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<SettingProblem> validate(ConnectorSettings settings) {
        List<SettingProblem> problems = new ArrayList<>(SCHEMA.validate(settings));
        ConnectorSettings resolved = usable(settings, problems);
        resolved.optional("issuer").ifPresent(issuer -> issuerProblem(issuer)
                .ifPresent(problem -> problems.add(new SettingProblem("issuer", problem))));
        String method = resolved.text("client-authentication");
        boolean secret = resolved.optional("client-secret").isPresent();
        boolean key = resolved.optional("private-key").isPresent();
        if (method.equals(ClientAuthentication.PRIVATE_KEY_JWT)) {
            if (!key) {
                problems.add(new SettingProblem("private-key", "must be given when client-authentication is "
                        + "private_key_jwt"));
            } else {
                ClientAuthentication.keyProblem(resolved.text("private-key"))
                        .ifPresent(problem -> problems.add(new SettingProblem("private-key", problem)));
            }
        } else {
            if (!secret) {
                problems.add(new SettingProblem("client-secret", "must be given when client-authentication is "
                        + method));
            }
            if (key) {
                problems.add(new SettingProblem("private-key", "is only used with client-authentication "
                        + "private_key_jwt"));
            }
        }
        if (!words(resolved.text("scopes")).contains("openid")) {
            problems.add(new SettingProblem("scopes", "must include openid"));
        }
        resolved.group("claims").forEach((attribute, claim) -> {
            if (claim.isBlank() || claim.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new SettingProblem("claims." + attribute, "must be one claim name, without spaces"));
            }
        });
        if (resolved.text("subject-claim").chars().anyMatch(Character::isWhitespace)) {
            problems.add(new SettingProblem("subject-claim", "must be one claim name, without spaces"));
        }
        IdTokenAlgorithms.problem(words(resolved.text("id-token-algorithms")),
                        resolved.optional("client-secret").filter(value -> !key).map(String::length).orElse(0))
                .ifPresent(problem -> problems.add(new SettingProblem("id-token-algorithms", problem)));
        checkDuration(resolved, "clock-skew", Duration.ZERO, Duration.ofMinutes(5), problems);
        checkDuration(resolved, "connect-timeout", Duration.ofMillis(100), Duration.ofMinutes(1), problems);
        checkDuration(resolved, "timeout", Duration.ofMillis(250), Duration.ofMinutes(1), problems);
        checkDuration(resolved, "metadata-refresh", Duration.ofMinutes(1), Duration.ofDays(1), problems);
        return List.copyOf(problems);
    }

    /** Whether {@code issuer} is an https URL without query or fragment; plain http only on the loopback address. */
    static Optional<String> issuerProblem(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            return Optional.of("must be a URL");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            return Optional.of("must be a URL with a host and no query, fragment or user name");
        }
        if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must be an https URL (plain http only on localhost, for development)");
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The settings without those already failing, defaults filled in, so that every problem is reported at once. */
    private static ConnectorSettings usable(ConnectorSettings settings, List<SettingProblem> problems) {
        Set<String> failing = problems.stream().map(SettingProblem::setting).collect(Collectors.toSet());
        Map<String, String> usable = new HashMap<>();
        settings.asMap().forEach((name, value) -> {
            if (!failing.contains(name)) {
                usable.put(name, value);
            }
        });
        SCHEMA.settings().forEach(setting -> setting.defaultValue().ifPresent(value -> {
            if (!usable.containsKey(setting.name())) {
                usable.put(setting.name(), value);
            }
        }));
        return ConnectorSettings.of(usable);
    }

    private static void checkDuration(ConnectorSettings settings, String name, Duration least, Duration most,
            List<SettingProblem> problems) {
        Duration value = settings.duration(name);
        if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            problems.add(new SettingProblem(name, "must be from " + describe(least) + " to "
                    + describe(most)));
        }
    }

    private static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        return seconds % 86400 == 0 ? seconds / 86400 + "d" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    @Override
    public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(instance.id(), NAME, problems);
        }
        return new OidcConnector(instance, OidcSettings.from(SCHEMA.resolve(instance.id(), NAME, settings)));
    }
}
