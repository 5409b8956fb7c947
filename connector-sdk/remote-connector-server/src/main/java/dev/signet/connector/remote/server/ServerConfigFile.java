package dev.signet.connector.remote.server;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The server's configuration file, a Java properties file ({@code docs/remote-connector-protocol.md} shows one):
 * where to listen, the TLS key store, Signet's issuer and key, the connector's signing key, and the connector itself
 * (its id, names, type and {@code connector.settings.*}). {@code ${NAME}} in a value is read from the environment, so
 * secrets stay out of the file. Every problem is reported at once, each naming its property.
 */
final class ServerConfigFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String SETTINGS = "connector.settings.";

    private final Properties properties;
    private final UnaryOperator<String> environment;
    private final Path directory;
    private final List<String> problems = new ArrayList<>();

    private ServerConfigFile(Properties properties, UnaryOperator<String> environment, Path directory) {
        this.properties = properties;
        this.environment = environment;
        this.directory = directory;
    }

    /**
     * Reads {@code file}. Relative file names inside it are relative to the file's folder.
     *
     * @param environment gives an environment variable's value, or {@code null} when it is not set
     * @throws IllegalArgumentException listing every problem
     */
    static ServerConfigFile read(Path file, UnaryOperator<String> environment) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getClass().getSimpleName());
        }
        Path directory = file.toAbsolutePath().getParent();
        return new ServerConfigFile(properties, environment, directory);
    }

    ConnectorDefinition connector() {
        String id = required("connector.id");
        String displayName = required("connector.display-name");
        String department = required("connector.department");
        String type = required("connector.type");
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(SETTINGS)) {
                settings.put(name.substring(SETTINGS.length()), value(name).orElse(""));
            }
        }
        failIfProblems();
        try {
            return new ConnectorDefinition(new ConnectorInstance(id, displayName,
                    value("connector.welsh-display-name"), department), type, ConnectorSettings.of(settings));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connector: " + e.getMessage());
        }
    }

    /** Configures {@code builder} from the file. */
    RemoteConnectorServer.Builder configure(RemoteConnectorServer.Builder builder) {
        builder.audience(required("audience")).signetIssuer(required("signet.issuer"));
        Optional<String> keyFile = value("signet.public-key-file");
        Optional<String> jwksUrl = value("signet.jwks-url");
        if (keyFile.isPresent() == jwksUrl.isPresent()) {
            problems.add("give exactly one of signet.public-key-file and signet.jwks-url");
        }
        keyFile.flatMap(name -> readFile("signet.public-key-file", name)).ifPresent(builder::signetPublicKey);
        jwksUrl.ifPresent(url -> builder.signetJwksUrl(URI.create(url)));
        Optional.of(required("signing-key-file")).filter(name -> !name.isEmpty())
                .flatMap(name -> readFile("signing-key-file", name)).ifPresent(builder::signingKey);
        value("listen.address").ifPresent(address -> {
            try {
                builder.bindAddress(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                problems.add("listen.address: '" + address + "' is not an address of this host");
            }
        });
        value("listen.port").ifPresent(port -> {
            try {
                builder.port(Integer.parseInt(port));
            } catch (IllegalArgumentException e) {
                problems.add("listen.port: must be a port number from 0 to 65535");
            }
        });
        value("threads").ifPresent(count -> {
            try {
                builder.threads(Integer.parseInt(count));
            } catch (IllegalArgumentException e) {
                problems.add("threads: must be a whole number, at least 1");
            }
        });
        Optional<String> keyStore = value("tls.key-store");
        if (keyStore.isPresent()) {
            tls(keyStore.get(), value("tls.key-store-password").orElse("")).ifPresent(builder::https);
        } else if (!"true".equals(value("tls.disabled").orElse("false"))) {
            problems.add("tls.key-store: must be given (or tls.disabled=true, only behind a TLS-terminating proxy)");
        }
        failIfProblems();
        return builder;
    }

    private Optional<SSLContext> tls(String file, String password) {
        Path path = directory.resolve(file);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            problems.add("tls.key-store: " + path + " cannot be read as a PKCS#12 key store with that password ("
                    + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private Optional<String> readFile(String property, String name) {
        Path path = directory.resolve(name);
        try {
            return Optional.of(Files.readString(path));
        } catch (IOException e) {
            problems.add(property + ": " + path + " cannot be read");
            return Optional.empty();
        }
    }

    private String required(String name) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            problems.add(name + ": must be given");
        }
        return value.orElse("");
    }

    private Optional<String> value(String name) {
        String raw = properties.getProperty(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = PLACEHOLDER.matcher(raw.trim());
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = environment.apply(matcher.group(1));
            if (variable == null) {
                problems.add(name + ": environment variable " + matcher.group(1) + " is not set");
                variable = "";
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(variable));
        }
        matcher.appendTail(resolved);
        return Optional.of(resolved.toString());
    }

    private void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
