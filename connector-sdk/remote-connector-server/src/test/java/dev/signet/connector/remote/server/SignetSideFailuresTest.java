package dev.signet.connector.remote.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.remote.internal.Protocol;
import dev.signet.connector.remote.internal.SignedMessages;
import dev.signet.connector.remote.internal.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signet's side turns every failure of a remote connector into {@link Unavailable} with a reason, never an exception:
 * a server that is down or too slow, answers that are tampered with, signed by someone else, meant for another request,
 * or not the protocol's at all.
 */
class SignetSideFailuresTest {

    private static final TestKeys KEYS = new TestKeys();
    private static final HttpClient FORWARDER = HttpClient.newBuilder().sslContext(TestTls.get().clientContext())
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static MapConnector departmentConnector;
    private static RemoteConnectorServer server;

    private Connector signetSide;
    private FakeConnectorServer fake;
    /** The real server behind a man in the middle, when a test has one. */
    private final AtomicReference<RemoteConnectorServer> behind = new AtomicReference<>();

    @BeforeAll
    static void start() {
        departmentConnector = new MapConnector();
        server = Remote.serve(departmentConnector, KEYS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeEverything() {
        departmentConnector.release();
        if (signetSide != null) {
            signetSide.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (behind.get() != null) {
            behind.get().close();
        }
    }

    private SignInOutcome checkBob(Connector connector) {
        try (Password password = Password.of("Tr0ub4dor&3")) {
            return ((PasswordConnector) connector).checkPassword("bob.smith", password);
        }
    }

    private String reasonOf(SignInOutcome outcome) {
        assertThat(outcome).isInstanceOf(Unavailable.class);
        return ((Unavailable) outcome).reason();
    }

    @Test
    void workingConnectorAuthenticatesAndItsIdentitiesBelongToSignetsConnector() {
        signetSide = Remote.open(server.address().toString(), KEYS);

        SignInOutcome outcome = checkBob(signetSide);

        assertThat(outcome).isInstanceOf(Authenticated.class);
        assertThat(((Authenticated) outcome).identity().connectorId()).isEqualTo("vehicle-tax");
        assertThat(((Authenticated) outcome).identity().verifiedAttributes())
                .containsEntry("email", "bob.smith@example.org");
    }

    @Test
    void capabilitiesFollowWhatTheRemoteDescribes() {
        try (RemoteConnectorServer passwordsOnly = Remote.serve(new MapConnector.PasswordsOnly(), KEYS)) {
            signetSide = Remote.open(passwordsOnly.address().toString(), KEYS);

            assertThat(signetSide.capability(PasswordConnector.class)).isPresent();
            assertThat(signetSide.capability(LookupConnector.class)).isEmpty();
            assertThat(signetSide.capability(ListingConnector.class)).isEmpty();
        }
    }

    @Test
    void serverDownIsUnavailable() {
        signetSide = Remote.open(Remote.urlAt(Remote.freePort()), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).contains("connection refused");
    }

    @Test
    void slowServerIsUnavailableOnceTheRequestTimeoutPasses() {
        signetSide = Remote.open(server.address().toString(), KEYS, Map.of("request-timeout", "1s"));
        departmentConnector.hang();

        assertThat(reasonOf(checkBob(signetSide))).isEqualTo("no answer within 1000 ms");
    }

    @Test
    void serverErrorIsUnavailable() {
        fake = new FakeConnectorServer((operation, body) ->
                new FakeConnectorServer.Reply(503, "text/html", "<h1>Service Unavailable</h1>"));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).isEqualTo("the connector answered HTTP 503");
    }

    @Test
    void refusalNamesTheProtocolsProblem() {
        fake = new FakeConnectorServer((operation, body) -> new FakeConnectorServer.Reply(401,
                "application/problem+json", "{\"type\":\"urn:signet:remote-connector:replayed\",\"status\":401}"));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).isEqualTo("the connector answered HTTP 401 (replayed)");
    }

    @Test
    void answerThatIsNotAJwsIsUnavailable() {
        fake = new FakeConnectorServer((operation, body) ->
                new FakeConnectorServer.Reply(200, "application/jwt", "{\"outcome\":\"authenticated\"}"));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).contains("(malformed)");
    }

    @Test
    void answerInPlainJsonIsUnavailable() {
        fake = new FakeConnectorServer((operation, body) ->
                new FakeConnectorServer.Reply(200, "application/json", "{\"outcome\":\"authenticated\"}"));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).isEqualTo("the connector's answer is not application/jwt");
    }

    @Test
    void tamperedAnswerIsUnavailable() {
        // A man in the middle turns the real connector's "invalid_credentials" into "authenticated".
        fake = new FakeConnectorServer(forwardingTo(answer -> {
            String[] parts = answer.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"outcome\":\"invalid_credentials\"",
                            "\"outcome\":\"authenticated\",\"identity\":{\"subject\":\"subject-0001\"}");
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                    + "." + parts[2];
        }));
        signetSide = Remote.open(fake.url(), KEYS);

        try (Password wrong = Password.of("not bob's password")) {
            SignInOutcome outcome = ((PasswordConnector) signetSide).checkPassword("bob.smith", wrong);
            assertThat(reasonOf(outcome)).contains("(bad-signature)");
        }
    }

    @Test
    void answerSignedByAnotherKeyIsUnavailable() {
        fake = new FakeConnectorServer((operation, body) -> new FakeConnectorServer.Reply(200, "application/jwt",
                answer(KEYS.intruderAsConnector, body, fake.url(), Remote.ISSUER,
                        Map.of("outcome", "invalid_credentials"))));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).contains("(bad-signature)");
    }

    @Test
    void answerMeantForAnotherIssuerIsUnavailable() {
        fake = new FakeConnectorServer((operation, body) -> new FakeConnectorServer.Reply(200, "application/jwt",
                answer(KEYS.connectorPrivate, body, fake.url(), "https://another-signet.example",
                        Map.of("outcome", "invalid_credentials"))));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).contains("(wrong-audience)");
    }

    @Test
    void earlierAnswerReplayedForALaterRequestIsUnavailable() {
        // A man in the middle keeps the first real answer (an authentication) and serves it to every later request.
        AtomicReference<String> first = new AtomicReference<>();
        fake = new FakeConnectorServer(forwardingTo(answer -> first.compareAndSet(null, answer) ? answer
                : first.get()));
        signetSide = Remote.open(fake.url(), KEYS);
        assertThat(checkBob(signetSide)).isInstanceOf(Authenticated.class);

        try (Password wrong = Password.of("not bob's password")) {
            SignInOutcome outcome = ((PasswordConnector) signetSide).checkPassword("bob.smith", wrong);
            assertThat(reasonOf(outcome)).contains("(not-this-request)");
        }
    }

    @Test
    void wellSignedAnswerOffTheSchemaIsUnavailable() {
        fake = new FakeConnectorServer((operation, body) -> new FakeConnectorServer.Reply(200, "application/jwt",
                answer(KEYS.connectorPrivate, body, fake.url(), Remote.ISSUER, Map.of("outcome", "authenticated"))));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide))).contains("the connector answered an identity that is not an object");
    }

    @Test
    void remoteUnavailableIsPassedOnWithItsReason() {
        fake = new FakeConnectorServer((operation, body) -> new FakeConnectorServer.Reply(200, "application/jwt",
                answer(KEYS.connectorPrivate, body, fake.url(), Remote.ISSUER,
                        Map.of("outcome", "unavailable", "reason", "database did not answer within 5s"))));
        signetSide = Remote.open(fake.url(), KEYS);

        assertThat(reasonOf(checkBob(signetSide)))
                .isEqualTo("remote connector unavailable: database did not answer within 5s");
    }

    @Test
    void emptyAndOverlongPasswordsAreRefusedWithoutCallingTheRemote() {
        fake = new FakeConnectorServer((operation, body) -> {
            throw new AssertionError("the remote must not be asked");
        });
        signetSide = Remote.open(fake.url(), KEYS);
        PasswordConnector passwords = (PasswordConnector) signetSide;

        try (Password empty = Password.of(""); Password overlong = Password.of("x".repeat(5000))) {
            assertThat(passwords.checkPassword("bob.smith", empty)).isInstanceOf(InvalidCredentials.class);
            assertThat(passwords.checkPassword("bob.smith", overlong)).isInstanceOf(InvalidCredentials.class);
        }
    }

    @Test
    void remoteThatCannotDescribeItselfIsNotAskedAgainAtOnce() {
        List<String> asked = new CopyOnWriteArrayList<>();
        fake = new FakeConnectorServer((operation, body) -> {
            asked.add(operation);
            return new FakeConnectorServer.Reply(503, "text/plain", "down");
        });
        signetSide = Remote.open(fake.url(), KEYS);

        // Not known yet: every capability is offered, and its calls will say Unavailable.
        assertThat(signetSide.capability(LookupConnector.class)).isPresent();
        assertThat(signetSide.capability(ListingConnector.class)).isPresent();

        assertThat(asked).containsExactly("describe");
    }

    /** A response to {@code requestBody}, properly bound to it, signed by {@code key}. */
    private static String answer(String key, String requestBody, String issuer, String audience,
            Map<String, Object> outcome) throws Exception {
        SignedJWT request = SignedJWT.parse(requestBody);
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(60)));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("in_response_to", request.getJWTClaimsSet().getJWTID());
        claims.put("request_hash", SignedMessages.requestHash(requestBody));
        claims.putAll(outcome);
        return SigningKey.parse(key).sign(Protocol.RESPONSE_TYPE, claims);
    }

    /**
     * A man in the middle: the real server takes requests addressed to the fake's URL, and each answer passes through
     * {@code change}.
     */
    private FakeConnectorServer.Behaviour forwardingTo(Function<String, String> change) {
        return (operation, body) -> {
            String audience = SignedJWT.parse(body).getJWTClaimsSet().getAudience().get(0);
            behind.compareAndSet(null, Remote.serve(departmentConnector, KEYS, Remote.freePort(), audience));
            HttpResponse<String> real = FORWARDER.send(HttpRequest.newBuilder(
                    URI.create(behind.get().address() + "/" + operation)).header("Content-Type", "application/jwt")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new FakeConnectorServer.Reply(real.statusCode(), real.headers().firstValue("Content-Type")
                    .orElse("text/plain"), real.statusCode() == 200 ? change.apply(real.body()) : real.body());
        };
    }
}
