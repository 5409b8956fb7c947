package dev.signet.examples.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS certificate for 127.0.0.1 and localhost, made with the JDK's {@code keytool} as a department would
 * for a trial: a PKCS#12 key store for the connector, and the certificate as PEM for Signet's
 * {@code trust-certificates}.
 */
public record TestCertificate(Path keyStore, String keyStorePassword, Path certificatePem) {

    /** Makes the key store and the PEM file in {@code directory}. */
    public static TestCertificate makeIn(Path directory) {
        Path keyStore = directory.resolve("connector-tls.p12");
        Path pem = directory.resolve("connector-tls.pem");
        String password = "changeit";
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "connector", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "connector", "-keystore", keyStore.toString(),
                "-storepass", password, "-file", pem.toString()));
        return new TestCertificate(keyStore, password, pem);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
