package dev.signet.connector.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom Signet trusts when it connects to a remote connector: the JVM's default certificate authorities, or only the
 * certificates in a PEM file (a department's own CA, or its server's self-signed certificate). Host names are always
 * checked against the certificate.
 */
final class TlsTrust {

    private TlsTrust() {
    }

    /** A TLS context trusting the certificates in {@code pemFile}, or the JVM's defaults when none is given. */
    static SSLContext context(Optional<Path> pemFile) {
        try {
            if (pemFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates(pemFile.get())) {
                trusted.setCertificateEntry("trusted-" + index++, certificate);
            }
            if (index == 0) {
                throw new IllegalArgumentException("holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no TLS", e);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot be read as PEM certificates (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static Collection<? extends Certificate> certificates(Path pemFile)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }
}
