package dev.signet.connector.ldap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a connector trusts for its directory's TLS: the department's own CA (or the directory's
 * self-signed certificate), given as PEM text or a PEM file. Without them, the JVM's default trust store is used.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** Trust managers trusting exactly the certificates in {@code pem}; at least one must be there. */
    static TrustManager[] fromPem(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate found");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** The PEM text the settings give, read from the file when a file is named; empty for the JVM's defaults. */
    static Optional<String> pemOf(Optional<String> inline, Optional<String> file) throws IOException {
        if (inline.isPresent()) {
            return inline;
        }
        if (file.isPresent()) {
            return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII));
        }
        return Optional.empty();
    }
}
