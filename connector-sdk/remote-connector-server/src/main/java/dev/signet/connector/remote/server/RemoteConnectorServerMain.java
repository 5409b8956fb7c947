package dev.signet.connector.remote.server;

import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.remote.internal.SigningKey;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a connector declared in a configuration file over the remote connector protocol, until the process is stopped:
 * <pre>
 * java -cp 'lib/*' dev.signet.connector.remote.server.RemoteConnectorServerMain connector.properties
 * </pre>
 * The connector's type is found on the class path ({@code legacy-database}, or the department's own type registered
 * through {@link java.util.ServiceLoader}). {@code generate-key <kid>} prints a new EC P-256 private key and its public
 * key set, for the connector's signing key (and Signet's).
 */
public final class RemoteConnectorServerMain {

    private RemoteConnectorServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 2 && "generate-key".equals(args[0])) {
            String privateKey = SigningKey.generate(args[1]);
            System.out.println("Private key (keep secret; the signing-key file):");
            System.out.println(privateKey);
            System.out.println("Public key set (give to the other end):");
            System.out.println(SigningKey.parse(privateKey).publicJwkSetJson());
            return;
        }
        if (args.length != 1) {
            System.err.println("Usage: RemoteConnectorServerMain <connector.properties> | generate-key <kid>");
            System.exit(2);
        }
        // The JDK server waits for slow clients forever unless told otherwise; this process serves nothing else, so
        // its JVM-wide limits (seconds to read a request, and to write an answer) are set here, before it starts.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "30"));
        ServerConfigFile config;
        ConnectorDefinition definition;
        try {
            config = ServerConfigFile.read(Path.of(args[0]), System::getenv);
            definition = config.connector();
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Connector connector;
        RemoteConnectorServer server;
        try {
            connector = ConnectorTypes.discover(RemoteConnectorServerMain.class.getClassLoader()).open(definition);
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            server = config.configure(RemoteConnectorServer.builder(connector)).start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            connector.close();
            System.err.println("Configuration " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            connector.close();
            stopped.countDown();
        }));
        // One line on standard output, which scripts (and tests) read to learn the port chosen.
        System.out.println("Remote connector " + definition.instance().id() + " listening on " + server.address());
        stopped.await();
    }
}
