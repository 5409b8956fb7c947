package dev.signet.connector.remote.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.remote.internal.SigningKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both ends can take the other's keys from a JWKS URL instead of configuration, and follow a key rotation: a message
 * signed with a key id not yet known makes the receiver fetch the set again.
 */
class PublishedKeysTest {

    private final TestKeys keys = new TestKeys();
    private final AtomicReference<String> signetJwks = new AtomicReference<>(keys.signetPublic);
    private final List<String> fetched = new CopyOnWriteArrayList<>();
    private FakeConnectorServer keyServer;
    private RemoteConnectorServer server;

    @BeforeEach
    void start() {
        keyServer = new FakeConnectorServer((path, body) -> {
            fetched.add(path);
            return switch (path) {
                case "signet-jwks.json" -> new FakeConnectorServer.Reply(200, "application/json", signetJwks.get());
                case "connector-jwks.json" -> new FakeConnectorServer.Reply(200, "application/json",
                        keys.connectorPublic);
                default -> new FakeConnectorServer.Reply(404, "text/plain", "");
            };
        });
        int port = Remote.freePort();
        server = RemoteConnectorServer.builder(new MapConnector())
                .audience(Remote.urlAt(port))
                .signetIssuer(Remote.ISSUER)
                .signetJwksUrl(java.net.URI.create(keyServer.url() + "/signet-jwks.json"))
                .signetJwksTls(TestTls.get().clientContext())
                .signingKey(keys.connectorPrivate)
                .https(TestTls.get().serverContext())
                .port(port)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        keyServer.close();
    }

    private SignInOutcome checkBob(String signetPrivateKey) {
        try (Connector signetSide = Remote.open(server.address().toString(), keys, Map.of(
                "signing-key", signetPrivateKey,
                "connector-key", "",
                "connector-jwks-url", keyServer.url() + "/connector-jwks.json"));
                Password password = Password.of("Tr0ub4dor&3")) {
            return ((PasswordConnector) signetSide).checkPassword("bob.smith", password);
        }
    }

    @Test
    void keysFromJwksUrlsVerifyBothWays() {
        assertThat(checkBob(keys.signetPrivate)).isInstanceOf(Authenticated.class);
        assertThat(fetched).contains("signet-jwks.json", "connector-jwks.json");
    }

    @Test
    void serverFollowsSignetsKeyRotation() {
        assertThat(checkBob(keys.signetPrivate)).isInstanceOf(Authenticated.class);
        String rotated = SigningKey.generate("signet-2");
        String bothKeys = keys.signetPublic.replace("]}", "," + SigningKey.parse(rotated).publicJwkSetJson()
                .replace("{\"keys\":[", ""));
        signetJwks.set(bothKeys);

        assertThat(checkBob(rotated)).isInstanceOf(Authenticated.class);
    }

    @Test
    void keyNobodyPublishedIsRefused() {
        SignInOutcome outcome = checkBob(SigningKey.generate("signet-unpublished"));

        assertThat(outcome).isInstanceOfSatisfying(Unavailable.class, unavailable ->
                assertThat(unavailable.reason()).isEqualTo("the connector answered HTTP 401 (unknown-key)"));
    }
}
