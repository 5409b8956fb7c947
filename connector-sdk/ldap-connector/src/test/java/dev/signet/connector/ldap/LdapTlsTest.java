package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.Password;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.testkit.UnresponsiveServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LDAPS and StartTLS against a directory presenting a self-signed certificate for {@code localhost}, made for this
 * run: trusted when configured, refused when another certificate is trusted or the host name does not match.
 */
class LdapTlsTest {

    private static TestDirectory directory;
    private final List<Connector> opened = new ArrayList<>();

    @BeforeAll
    static void startDirectory() {
        directory = TestDirectory.start("dc=example,dc=org", "/people.ldif", true, false);
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @AfterEach
    void closeConnectors() {
        opened.forEach(Connector::close);
    }

    private SignInOutcome signIn(String url, Consumer<Map<String, String>> changes) {
        Map<String, String> settings = TestDirectory.openLdapSettings(url);
        changes.accept(settings);
        LdapConnector connector = (LdapConnector) new LdapType().open(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"), ConnectorSettings.of(settings));
        opened.add(connector);
        try (Password password = Password.of("Tr0ub4dor&3")) {
            return connector.checkPassword("margaret.hughes", password);
        }
    }

    private static Consumer<Map<String, String>> trusting(String pem) {
        return settings -> settings.put("tls.trusted-certificates", pem);
    }

    @Test
    void ldapsWithTheDirectorysCertificateTrusted() {
        assertThat(signIn(directory.ldapsUrl(), trusting(directory.certificate.pem())))
                .isInstanceOf(Authenticated.class);
    }

    @Test
    void aTlsConnectionStaysUsableWhileIdleLongerThanTheHandshakeLimit() throws Exception {
        Map<String, String> settings = TestDirectory.openLdapSettings(directory.ldapsUrl());
        settings.put("tls.trusted-certificates", directory.certificate.pem());
        settings.put("connect-timeout", "250ms");
        settings.put("max-connections", "1");
        try (LdapConnector connector = (LdapConnector) new LdapType().open(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"), ConnectorSettings.of(settings));
                Password password = Password.of("Tr0ub4dor&3")) {
            assertThat(connector.checkPassword("margaret.hughes", password)).isInstanceOf(Authenticated.class);
            Thread.sleep(750); // longer than the handshake's read limit, which must not outlive the handshake
            assertThat(connector.checkPassword("margaret.hughes", password)).isInstanceOf(Authenticated.class);
        }
    }

    @Test
    void ldapsWithTheCertificateInAFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("directory-ca.pem"), directory.certificate.pem());
        assertThat(signIn(directory.ldapsUrl(), settings -> settings.put("tls.trusted-certificates-file",
                file.toString()))).isInstanceOf(Authenticated.class);
    }

    @Test
    void ldapsRefusesACertificateNobodyTrusts() {
        String stranger = TestCertificate.forHost("localhost").pem();
        SignInOutcome outcome = signIn(directory.ldapsUrl(), trusting(stranger));
        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) outcome).reason()).startsWith("TLS with the directory failed: ");
        // Nor does the JVM's default trust store know a self-signed certificate.
        assertThat(signIn(directory.ldapsUrl(), settings -> { })).isInstanceOf(Unavailable.class);
    }

    @Test
    void ldapsRefusesACertificateForAnotherHostName() {
        // The certificate names localhost only; 127.0.0.1 is the same server under a name it does not hold.
        SignInOutcome outcome = signIn("ldaps://127.0.0.1:" + directory.ldapsPort(),
                trusting(directory.certificate.pem()));
        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) outcome).reason()).startsWith("TLS with the directory failed: ")
                .contains("127.0.0.1");
    }

    @Test
    void startTlsWithTheDirectorysCertificateTrusted() {
        assertThat(signIn(directory.ldapUrl(), trusting(directory.certificate.pem()).andThen(
                settings -> settings.put("start-tls", "true")))).isInstanceOf(Authenticated.class);
    }

    @Test
    void startTlsRefusesAnUntrustedCertificateAndAnotherHostName() {
        assertThat(signIn(directory.ldapUrl(), trusting(TestCertificate.forHost("localhost").pem()).andThen(
                settings -> settings.put("start-tls", "true")))).isInstanceOf(Unavailable.class);
        assertThat(signIn("ldap://127.0.0.1:" + directory.ldapPort(), trusting(directory.certificate.pem())
                .andThen(settings -> settings.put("start-tls", "true")))).isInstanceOf(Unavailable.class);
    }

    @Test
    void aTlsHandshakeThatNeverAnswersIsUnavailableInTime() {
        try (UnresponsiveServer blackHole = UnresponsiveServer.start()) {
            SignInOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> signIn(
                    "ldaps://localhost:" + blackHole.port(), trusting(directory.certificate.pem())));
            assertThat(outcome).isInstanceOf(Unavailable.class);
            SignInOutcome startTls = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> signIn(
                    "ldap://localhost:" + blackHole.port(), trusting(directory.certificate.pem()).andThen(
                            settings -> settings.put("start-tls", "true"))));
            assertThat(startTls).isInstanceOf(Unavailable.class);
        }
    }
}
