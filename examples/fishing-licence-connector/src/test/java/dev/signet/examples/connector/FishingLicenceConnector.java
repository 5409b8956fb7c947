package dev.signet.examples.connector;

import dev.signet.connector.testkit.ConnectorServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a department sets up to run {@code connector.properties}, for tests: the old database, a TLS certificate,
 * the connector's key pair, Signet's public keys in a file, and the connector's process on a free loopback port.
 */
public final class FishingLicenceConnector implements AutoCloseable {

    private final LegacyDatabase database;
    private final ConnectorServerProcess process;
    private final String url;
    private final KeyPair connectorKey;
    private final TestCertificate certificate;

    private FishingLicenceConnector(LegacyDatabase database, ConnectorServerProcess process, String url,
            KeyPair connectorKey, TestCertificate certificate) {
        this.database = database;
        this.process = process;
        this.url = url;
        this.connectorKey = connectorKey;
        this.certificate = certificate;
    }

    /**
     * Starts the connector from {@code propertiesFile}, trusting requests that {@code signetIssuer} signs with the
     * private half of {@code signetPublicKeys}.
     */
    public static FishingLicenceConnector start(Path propertiesFile, Path workDirectory, String signetIssuer,
            String signetPublicKeys) {
        LegacyDatabase database = LegacyDatabase.start();
        try {
            // Absolute names: the properties file reads relative ones from its own directory.
            Path directory = workDirectory.toAbsolutePath();
            TestCertificate certificate = TestCertificate.makeIn(directory);
            KeyPair connectorKey = KeyPair.generate("fishing-licences-connector-1");
            Path signetKeys = Files.writeString(directory.resolve("signet-public.jwks.json"), signetPublicKeys);
            Path ownKey = Files.writeString(directory.resolve("connector-signing-key.jwk.json"),
                    connectorKey.privateJwk());
            int port = freePort();
            String url = "https://127.0.0.1:" + port + "/signet";
            ConnectorServerProcess process = ConnectorServerProcess.start(propertiesFile, Map.ofEntries(
                    Map.entry("LISTEN_ADDRESS", "127.0.0.1"),
                    Map.entry("LISTEN_PORT", Integer.toString(port)),
                    Map.entry("CONNECTOR_URL", url),
                    Map.entry("TLS_KEY_STORE", certificate.keyStore().toString()),
                    Map.entry("TLS_KEY_STORE_PASSWORD", certificate.keyStorePassword()),
                    Map.entry("SIGNET_ISSUER", signetIssuer),
                    Map.entry("SIGNET_PUBLIC_KEYS", signetKeys.toString()),
                    Map.entry("CONNECTOR_SIGNING_KEY", ownKey.toString()),
                    Map.entry("LEGACY_DB_URL", database.jdbcUrl()),
                    Map.entry("LEGACY_DB_USER", LegacyDatabase.READER),
                    Map.entry("LEGACY_DB_PASSWORD", LegacyDatabase.READER_PASSWORD)));
            return new FishingLicenceConnector(database, process, url, connectorKey, certificate);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The URL Signet calls: the {@code url} setting of Signet's {@code remote} connector. */
    public String url() {
        return url;
    }

    /** The connector's public key set: the {@code connector-key} setting. */
    public String publicKeys() {
        return connectorKey.publicJwkSet();
    }

    /** The connector's certificate: the {@code trust-certificates} setting. */
    public Path certificatePem() {
        return certificate.certificatePem();
    }

    /** What the connector's process has printed. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
        database.close();
    }

    /** A free loopback port (another process could take it before the connector does; tests accept that). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
