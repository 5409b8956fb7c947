package dev.signet.examples.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.remote.RemoteType;
import dev.signet.connector.testkit.KnownUser;
import dev.signet.connector.testkit.PasswordConnectorConformance;
import dev.signet.connector.testkit.UnresponsiveServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fishing licence connector passes Signet's conformance kit: the kit drives Signet's own side (the {@code remote}
 * connector type) over HTTPS to the connector running, in its own process, from {@code connector.properties}, on a
 * real PostgreSQL holding the anglers table.
 */
class FishingLicenceConnectorConformanceTest extends PasswordConnectorConformance {

    private static final String SIGNET_ISSUER = "https://signet.test";
    /** Signet's key for this connector: Signet holds the private half, the department the public set. */
    private static final KeyPair SIGNET_KEY = KeyPair.generate("signet-fishing-1");

    private static Path workDirectory;
    private static FishingLicenceConnector connector;
    private static UnresponsiveServer blackHole;

    @BeforeAll
    static void startTheConnector() throws IOException {
        workDirectory = Files.createTempDirectory("fishing-licence-connector");
        connector = FishingLicenceConnector.start(Path.of("connector.properties"), workDirectory, SIGNET_ISSUER,
                SIGNET_KEY.publicJwkSet());
        blackHole = UnresponsiveServer.start();
    }

    @AfterAll
    static void stopTheConnector() {
        connector.close();
        blackHole.close();
    }

    @Override
    protected PasswordConnector openConnector() {
        return signetSide(connector.url());
    }

    @Override
    protected PasswordConnector openUnreachableConnector() {
        return signetSide("https://127.0.0.1:" + blackHole.port() + "/signet", "1s");
    }

    @Override
    protected KnownUser knownUser() {
        return new KnownUser("margaret.hughes", "correct horse battery staple", "2000417",
                Set.of("margaret.hughes@example.org", "Margaret", "Hughesington"));
    }

    @Override
    protected Duration unavailableWithin() {
        return Duration.ofSeconds(5);
    }

    @Test
    void anAccountWithASaltedSha1HashSignsInWithItsVerifiedEmail() {
        try (PasswordConnector signet = signetSide(connector.url());
                Password password = Password.of("Gone fishing 1987")) {
            SignInOutcome outcome = signet.checkPassword("Dai.Pysgotwr", password);

            assertThat(outcome).isInstanceOfSatisfying(Authenticated.class, authenticated -> {
                assertThat(authenticated.identity().subject()).isEqualTo("1000032");
                assertThat(authenticated.identity().verifiedAttributes())
                        .containsEntry("email", "dai.pysgotwr@example.org");
            });
        }
    }

    @Test
    void anAccountWithoutAPasswordNeverSignsIn() {
        try (PasswordConnector signet = signetSide(connector.url());
                Password password = Password.of("any password at all")) {
            assertThat(signet.checkPassword("closed.account", password)).isInstanceOf(InvalidCredentials.class);
        }
    }

    @Test
    void theConnectorNeverPrintsAPassword() {
        assertThat(connector.output()).doesNotContain("correct horse battery staple", "Gone fishing 1987",
                LegacyDatabase.READER_PASSWORD);
    }

    /** Signet's side, as Signet's connectors file would declare it. */
    private static PasswordConnector signetSide(String url) {
        return signetSide(url, "10s"); // generous: a loaded build machine, TLS and a JIT still warming up
    }

    private static PasswordConnector signetSide(String url, String timeout) {
        return (PasswordConnector) new RemoteType().open(
                ConnectorInstance.of("fishing-licences", "Fishing licence account", "environment-agency"),
                ConnectorSettings.of(Map.of(
                        "url", url,
                        "issuer", SIGNET_ISSUER,
                        "signing-key", SIGNET_KEY.privateJwk(),
                        "connector-key", connector.publicKeys(),
                        "trust-certificates", connector.certificatePem().toString(),
                        "connect-timeout", timeout,
                        "request-timeout", timeout)));
    }
}
