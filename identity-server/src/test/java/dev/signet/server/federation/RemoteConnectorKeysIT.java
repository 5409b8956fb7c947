package dev.signet.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.remote.internal.SigningKey;
import dev.signet.connector.remote.server.RemoteConnectorServer;
import dev.signet.connector.testkit.LoopbackCertificate;
import dev.signet.server.testing.ServerIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signet publishes the keys that sign its requests to remote connectors, and a department's connector server that
 * takes Signet's keys from that URL serves the remote connector declared in Signet's connectors file, over HTTPS.
 */
class RemoteConnectorKeysIT extends ServerIntegrationTest {

    private static final String ISSUER = "https://signet.test";
    private static final String SIGNET_KEY = SigningKey.generate("signet-connectors-1");
    private static final String CONNECTOR_KEY = SigningKey.generate("pensions-connector-1");
    private static final int CONNECTOR_PORT = freePort();
    private static Path directory;
    private static LoopbackCertificate certificate;

    @Autowired
    private ConnectorRegistry connectors;

    @DynamicPropertySource
    static void remoteConnector(DynamicPropertyRegistry registry) {
        registry.add("signet.connectors.file", () -> files().resolve("connectors.yml").toString());
        registry.add("PENSIONS_SIGNING_KEY", () -> SIGNET_KEY);
        registry.add("PENSIONS_CONNECTOR_KEY", () -> SigningKey.parse(CONNECTOR_KEY).publicJwkSetJson());
    }

    @Test
    void departmentVerifiesSignetsRequestsWithTheKeysSignetPublishes() throws Exception {
        HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/connectors/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains("\"kid\":\"signet-connectors-1\"").doesNotContain("\"d\":");
        assertThat(published.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=300"));

        try (RemoteConnectorServer department = RemoteConnectorServer.builder(new PensionsConnector())
                .audience("https://127.0.0.1:" + CONNECTOR_PORT + "/signet")
                .signetIssuer(ISSUER)
                .signetJwksUrl(URI.create(baseUrl() + "/connectors/jwks.json"))
                .signingKey(CONNECTOR_KEY)
                .https(certificate().serverContext())
                .port(CONNECTOR_PORT)
                .start()) {
            PasswordConnector pensions = connectors.find("pensions").orElseThrow()
                    .capability(PasswordConnector.class).orElseThrow();
            try (Password right = Password.of("Hen-gyfrinair"); Password wrong = Password.of("anghywir")) {
                assertThat(pensions.checkPassword("eleri", right)).isInstanceOfSatisfying(Authenticated.class,
                        authenticated -> assertThat(authenticated.identity().subject()).isEqualTo("42"));
                assertThat(pensions.checkPassword("eleri", wrong)).isInstanceOf(InvalidCredentials.class);
            }
        }
    }

    /** The department's own legacy store, reduced to one user. */
    private static final class PensionsConnector implements PasswordConnector {

        @Override
        public ConnectorInstance instance() {
            return ConnectorInstance.of("dwp-pensions", "Pensions", "dwp");
        }

        @Override
        public SignInOutcome checkPassword(String loginName, Password password) {
            boolean right = "eleri".equals(loginName) && java.security.MessageDigest.isEqual(password.utf8(),
                    "Hen-gyfrinair".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return right ? new Authenticated(LegacyIdentity.of("dwp-pensions", "42")) : new InvalidCredentials();
        }
    }

    private static LoopbackCertificate certificate() {
        files();
        return certificate;
    }

    private static synchronized Path files() {
        if (directory != null) {
            return directory;
        }
        try {
            directory = Files.createTempDirectory("remote-connector-keys");
            certificate = LoopbackCertificate.makeIn(directory);
            Files.writeString(directory.resolve("connectors.yml"), """
                    connectors:
                      - id: pensions
                        display-name: Pension account
                        department: dwp
                        type: remote
                        settings:
                          url: https://127.0.0.1:%d/signet
                          issuer: %s
                          signing-key: ${PENSIONS_SIGNING_KEY}
                          connector-key: ${PENSIONS_CONNECTOR_KEY}
                          trust-certificates: %s
                          connect-timeout: 5s
                          request-timeout: 10s
                    """.formatted(CONNECTOR_PORT, ISSUER, certificate.pem()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
