package dev.signet.connector.remote.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.connector.remote.internal.Protocol;
import dev.signet.connector.remote.internal.SignedMessages;
import dev.signet.connector.remote.internal.SigningKey;
import dev.signet.connector.remote.internal.StaticVerificationKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embeddable server serves only requests signed by Signet, fresh, addressed to it, for the operation posted to,
 * and never seen before; it answers with a response signed by the connector's key and bound to the request. Requests
 * are made by hand here, over HTTPS, the way an attacker would.
 */
class RequestChecksTest {

    private static final TestKeys KEYS = new TestKeys();
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(TestTls.get().clientContext())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static RemoteConnectorServer server;
    private static RemoteConnectorServer passwordsOnly;

    @BeforeAll
    static void start() {
        server = Remote.serve(new MapConnector(), KEYS);
        passwordsOnly = Remote.serve(new MapConnector.PasswordsOnly(), KEYS);
    }

    @AfterAll
    static void stop() {
        server.close();
        passwordsOnly.close();
    }

    private static Map<String, Object> checkPassword(RemoteConnectorServer target) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Remote.ISSUER);
        claims.put("aud", target.address().toString());
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(60)));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("op", "check-password");
        claims.put("login_name", "bob.smith");
        claims.put("password", "Tr0ub4dor&3");
        return claims;
    }

    private static String signed(String key, Map<String, Object> claims) {
        return SigningKey.parse(key).sign(Protocol.REQUEST_TYPE, claims);
    }

    private static HttpResponse<String> post(RemoteConnectorServer target, String operation, String body)
            throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(target.address() + "/" + operation))
                .header("Content-Type", "application/jwt").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String problemType(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return String.valueOf(JSONObjectUtils.parse(response.body()).get("type"));
    }

    @Test
    void signedRequestIsAnsweredWithAResponseSignedByTheConnectorAndBoundToTheRequest() throws Exception {
        Map<String, Object> claims = checkPassword(server);
        String request = signed(KEYS.signetPrivate, claims);

        HttpResponse<String> response = post(server, "check-password", request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jwt");
        JWTClaimsSet answer = new SignedMessages(Clock.systemUTC()).verify(response.body(), Protocol.RESPONSE_TYPE,
                StaticVerificationKeys.parse(KEYS.connectorPublic), server.address().toString(), Remote.ISSUER);
        assertThat(answer.getClaim("in_response_to")).isEqualTo(claims.get("jti"));
        assertThat(answer.getClaim("request_hash")).isEqualTo(SignedMessages.requestHash(request));
        assertThat(answer.getClaim("outcome")).isEqualTo("authenticated");
        assertThat(answer.getJSONObjectClaim("identity")).containsEntry("subject", "subject-0002");
    }

    @Test
    void requestSignedWithAnotherKeyIsRefused() throws Exception {
        HttpResponse<String> response = post(server, "check-password",
                signed(KEYS.intruderAsSignet, checkPassword(server)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:bad-signature");
    }

    @Test
    void requestWhoseSignedContentWasAlteredIsRefused() throws Exception {
        String[] parts = signed(KEYS.signetPrivate, checkPassword(server)).split("\\.");
        Map<String, Object> altered = checkPassword(server);
        altered.put("login_name", "ann.jones");
        altered.put("iat", Instant.now().getEpochSecond());
        altered.put("exp", Instant.now().getEpochSecond() + 60);
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSONObjectUtils.toJSONString(altered).getBytes());

        HttpResponse<String> response = post(server, "check-password", parts[0] + "." + payload + "." + parts[2]);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:bad-signature");
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"typ\":\"" + Protocol.REQUEST_TYPE + "\"}").getBytes());
        Map<String, Object> claims = checkPassword(server);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().getEpochSecond() + 60);
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSONObjectUtils.toJSONString(claims).getBytes());

        HttpResponse<String> response = post(server, "check-password", header + "." + payload + ".");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void expiredRequestIsRefused() throws Exception {
        Map<String, Object> claims = checkPassword(server);
        claims.put("iat", Date.from(Instant.now().minus(Duration.ofMinutes(3))));
        claims.put("exp", Date.from(Instant.now().minus(Duration.ofMinutes(2))));

        HttpResponse<String> response = post(server, "check-password", signed(KEYS.signetPrivate, claims));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:expired");
    }

    @Test
    void requestValidForTooLongIsRefused() throws Exception {
        Map<String, Object> claims = checkPassword(server);
        claims.put("exp", Date.from(Instant.now().plus(Duration.ofHours(1))));

        HttpResponse<String> response = post(server, "check-password", signed(KEYS.signetPrivate, claims));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:lifetime-too-long");
    }

    @Test
    void replayedRequestIsRefused() throws Exception {
        String request = signed(KEYS.signetPrivate, checkPassword(server));

        HttpResponse<String> first = post(server, "check-password", request);
        HttpResponse<String> again = post(server, "check-password", request);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(problemType(again)).isEqualTo("urn:signet:remote-connector:replayed");
    }

    @Test
    void requestAddressedToAnotherConnectorIsRefused() throws Exception {
        Map<String, Object> claims = checkPassword(server);
        claims.put("aud", "https://connector.other-department.example/signet");

        HttpResponse<String> response = post(server, "check-password", signed(KEYS.signetPrivate, claims));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:wrong-audience");
    }

    @Test
    void requestFromAnotherIssuerIsRefused() throws Exception {
        Map<String, Object> claims = checkPassword(server);
        claims.put("iss", "https://not-signet.example");

        HttpResponse<String> response = post(server, "check-password", signed(KEYS.signetPrivate, claims));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:wrong-issuer");
    }

    @Test
    void requestSignedForOneOperationIsRefusedAtAnother() throws Exception {
        HttpResponse<String> response = post(server, "look-up", signed(KEYS.signetPrivate, checkPassword(server)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:wrong-operation");
    }

    @Test
    void aResponseCannotBePassedOffAsARequest() throws Exception {
        String typedAsResponse = SigningKey.parse(KEYS.signetPrivate).sign(Protocol.RESPONSE_TYPE,
                checkPassword(server));

        HttpResponse<String> response = post(server, "check-password", typedAsResponse);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:wrong-type");
    }

    @Test
    void oversizedRequestIsRefusedUnread() throws Exception {
        HttpResponse<String> response = post(server, "check-password", "a".repeat(Protocol.MAX_REQUEST_BYTES + 1));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.address()
                + "/describe")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void operationTheConnectorDoesNotOfferIsNotFound() throws Exception {
        Map<String, Object> claims = checkPassword(passwordsOnly);
        claims.put("op", "look-up");
        claims.remove("password");
        claims.remove("login_name");
        claims.put("key", Map.of("subject", "subject-0001"));

        HttpResponse<String> response = post(passwordsOnly, "look-up", signed(KEYS.signetPrivate, claims));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problemType(response)).isEqualTo("urn:signet:remote-connector:unsupported-operation");
    }
}
