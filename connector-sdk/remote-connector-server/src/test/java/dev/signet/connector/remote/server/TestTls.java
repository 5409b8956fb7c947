package dev.signet.connector.remote.server;

import dev.signet.connector.testkit.LoopbackCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The test certificate of this module's tests, made once per test JVM. */
final class TestTls {

    private static LoopbackCertificate certificate;

    private TestTls() {
    }

    static synchronized LoopbackCertificate get() {
        if (certificate == null) {
            try {
                certificate = LoopbackCertificate.makeIn(Files.createTempDirectory("remote-connector-tls"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return certificate;
    }
}
