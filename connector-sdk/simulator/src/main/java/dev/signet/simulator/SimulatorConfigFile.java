package dev.signet.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The simulator's configuration file, YAML or JSON (JSON is YAML too), with the names of Signet's relying-party file:
 *
 * <pre>
 * port: 9090
 * login-mode: automatic          # or user-picker
 * sign-in-as: citizen-1
 * vot: Cl.Cm
 * clients:
 *   - client-id: fishing-licence
 *     jwks: '{"keys":[...]}'       # or client-secret: ...
 *     redirect-uris: [http://localhost:8080/auth/callback]
 *     post-logout-redirect-uris: [http://localhost:8080/signed-out]
 *     backchannel-logout-uri: http://localhost:8080/auth/backchannel-logout
 *     events-uri: http://localhost:8080/auth/events
 * users:
 *   - sub: citizen-1
 *     email: margaret@example.org
 *     email-verified: true
 *     phone-number: "+447700900123"
 *     given-name: Margaret
 *     family-name: Hughes
 *     legacy-subjects: [{connector: vehicle-tax, subject: "1004711"}]
 *     claims: {birthdate: "1970-01-01"}
 * </pre>
 *
 * An unknown name is an error naming it, so a misspelt setting is not silently ignored.
 */
final class SimulatorConfigFile {

    private static final Set<String> TOP = Set.of("port", "host", "login-mode", "sign-in-as", "vot", "clients", "users");
    private static final Set<String> CLIENT = Set.of("client-id", "jwks", "client-secret", "redirect-uris",
            "post-logout-redirect-uris", "backchannel-logout-uri", "events-uri");
    private static final Set<String> USER = Set.of("sub", "email", "email-verified", "phone-number",
            "phone-number-verified", "given-name", "family-name", "legacy-subjects", "claims");

    private final Path file;
    private final Map<String, Object> root;

    private SimulatorConfigFile(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    static SimulatorConfigFile read(Path file) {
        Object loaded;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the simulator configuration " + file + ": " + e, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The simulator configuration " + file + " is not YAML or JSON: "
                    + e.getMessage(), e);
        }
        if (loaded == null) {
            loaded = Map.of();
        }
        return new SimulatorConfigFile(file, map(loaded, "the file", file));
    }

    void applyTo(SimulatorSettings.Builder<?> builder) {
        known(root, TOP, "the file");
        if (root.get("port") != null) {
            builder.port(integer(root.get("port"), "port"));
        }
        if (root.get("host") != null) {
            builder.host(text(root.get("host"), "host"));
        }
        if (root.get("login-mode") != null) {
            String mode = text(root.get("login-mode"), "login-mode");
            switch (mode) {
                case "automatic" -> builder.loginMode(LoginMode.AUTOMATIC);
                case "user-picker" -> builder.loginMode(LoginMode.USER_PICKER);
                default -> throw problem("login-mode must be automatic or user-picker, not " + mode);
            }
        }
        for (Object entry : list(root.get("clients"), "clients")) {
            Map<String, Object> client = map(entry, "a client", file);
            known(client, CLIENT, "a client");
            SimulatedClient.Builder built = SimulatedClient.builder(text(client.get("client-id"), "client-id"));
            if (client.get("jwks") != null) {
                built.jwks(text(client.get("jwks"), "jwks"));
            }
            if (client.get("client-secret") != null) {
                built.clientSecret(text(client.get("client-secret"), "client-secret"));
            }
            list(client.get("redirect-uris"), "redirect-uris").forEach(u -> built.redirectUri(text(u, "redirect-uris")));
            list(client.get("post-logout-redirect-uris"), "post-logout-redirect-uris")
                    .forEach(u -> built.postLogoutRedirectUri(text(u, "post-logout-redirect-uris")));
            if (client.get("backchannel-logout-uri") != null) {
                built.backChannelLogoutUri(text(client.get("backchannel-logout-uri"), "backchannel-logout-uri"));
            }
            if (client.get("events-uri") != null) {
                built.eventsUri(text(client.get("events-uri"), "events-uri"));
            }
            try {
                builder.client(built.build());
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }
        for (Object entry : list(root.get("users"), "users")) {
            Map<String, Object> user = map(entry, "a user", file);
            known(user, USER, "a user");
            SimulatedUser.Builder built = SimulatedUser.builder(text(user.get("sub"), "sub"));
            if (user.get("email") != null) {
                built.email(text(user.get("email"), "email"));
            }
            if (user.get("email-verified") != null) {
                built.emailVerified(bool(user.get("email-verified"), "email-verified"));
            }
            if (user.get("phone-number") != null) {
                built.phoneNumber(text(user.get("phone-number"), "phone-number"));
            }
            if (user.get("phone-number-verified") != null) {
                built.phoneNumberVerified(bool(user.get("phone-number-verified"), "phone-number-verified"));
            }
            if (user.get("given-name") != null) {
                built.givenName(text(user.get("given-name"), "given-name"));
            }
            if (user.get("family-name") != null) {
                built.familyName(text(user.get("family-name"), "family-name"));
            }
            for (Object legacy : list(user.get("legacy-subjects"), "legacy-subjects")) {
                Map<String, Object> link = map(legacy, "a legacy subject", file);
                known(link, Set.of("connector", "subject"), "a legacy subject");
                built.legacySubject(text(link.get("connector"), "connector"), text(link.get("subject"), "subject"));
            }
            if (user.get("claims") != null) {
                map(user.get("claims"), "claims", file).forEach(built::claim);
            }
            builder.user(built.build());
        }
        if (root.get("sign-in-as") != null) {
            builder.signInAs(text(root.get("sign-in-as"), "sign-in-as"));
        }
        if (root.get("vot") != null) {
            try {
                builder.vot(text(root.get("vot"), "vot"));
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }
    }

    private void known(Map<String, Object> map, Set<String> names, String where) {
        for (String name : map.keySet()) {
            if (!names.contains(name)) {
                throw problem("unknown setting '" + name + "' in " + where + " (known: " + names + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what, Path file) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("The simulator configuration " + file + ": " + what
                    + " must be a mapping");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("The simulator configuration " + file + ": " + what
                        + " has a name that is not text: " + key);
            }
        }
        return (Map<String, Object>) map;
    }

    private List<?> list(Object value, String name) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(name + " must be a list");
        }
        return list;
    }

    private String text(Object value, String name) {
        if (value == null) {
            throw problem(name + " must be given");
        }
        if (value instanceof Map || value instanceof List) {
            throw problem(name + " must be text");
        }
        return value.toString();
    }

    private int integer(Object value, String name) {
        if (!(value instanceof Integer number)) {
            throw problem(name + " must be a whole number");
        }
        return number;
    }

    private boolean bool(Object value, String name) {
        if (!(value instanceof Boolean flag)) {
            throw problem(name + " must be true or false");
        }
        return flag;
    }

    private IllegalArgumentException problem(String message) {
        return new IllegalArgumentException("The simulator configuration " + file + ": " + message);
    }
}
