package dev.signet.server.logout;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.signet.core.logout.LogoutNotice;
import dev.signet.core.logout.LogoutOutboxContract.MutableClock;
import dev.signet.core.logout.jdbc.JdbcLogoutOutbox;
import dev.signet.core.testing.PostgresTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Delivery of logout tokens to a real HTTP receiver, from a real PostgreSQL outbox. The clock is moved by hand, so
 * retries are checked without waiting.
 */
class BackChannelLogoutWorkerTest {

    private static final String ISSUER = "https://signet.example.gov.uk";
    private static final LogoutProperties PROPERTIES = new LogoutProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(5), 3, Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofMinutes(2),
            Duration.ofDays(7));

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private HttpServer receiver;
    private DataSource dataSource;
    private JdbcLogoutOutbox outbox;
    private ECKey signingKey;
    private BackChannelLogoutWorker worker;
    private URI logoutUri;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    record Received(String contentType, Map<String, String> form) {
    }

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), form(body)));
            int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        logoutUri = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/backchannel-logout");
        dataSource = PostgresTestServer.newMigratedDatabase();
        outbox = new JdbcLogoutOutbox(dataSource, clock);
        signingKey = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
        RegisteredClient client = RegisteredClient.withId("rp-1").clientId("rp-1").clientSecret("{noop}s")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://rp.example.gov.uk/callback").scope("openid")
                .tokenSettings(TokenSettings.builder().idTokenSignatureAlgorithm(SignatureAlgorithm.ES256).build())
                .build();
        LogoutTokens tokens = new LogoutTokens(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey))),
                ISSUER, PROPERTIES, clock);
        worker = new BackChannelLogoutWorker(outbox, new InMemoryRegisteredClientRepository(client), tokens,
                PROPERTIES, clock, meters);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void logoutTokenIsPostedFormEncodedSignedAndWithTheRequiredClaims() throws Exception {
        outbox.enqueue(List.of(new LogoutNotice("rp-1", logoutUri, "pairwise-sub-123", Optional.of("sid-abc"))));

        assertThat(worker.deliverDue()).isEqualTo(1);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).contentType()).isEqualTo("application/x-www-form-urlencoded");
        SignedJWT token = SignedJWT.parse(received.get(0).form().get("logout_token"));
        assertThat(token.verify(new ECDSAVerifier(signingKey.toECPublicKey()))).isTrue();
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
        assertThat(token.getHeader().getKeyID()).isEqualTo("test-key");
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("rp-1");
        assertThat(claims.getSubject()).isEqualTo("pairwise-sub-123");
        assertThat(claims.getStringClaim("sid")).isEqualTo("sid-abc");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(claims.getJSONObjectClaim("events"))
                .containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");
        assertThat((Map<?, ?>) claims.getJSONObjectClaim("events")
                .get("http://schemas.openid.net/event/backchannel-logout")).isEmpty();
        assertThat(claims.getClaims()).doesNotContainKey("nonce");
        assertThat(status()).isEqualTo("DELIVERED");
        assertThat(worker.deliverDue()).isZero();
    }

    @Test
    void receiverAnswering500IsRetriedAfterTheBackoffWithTheSameJti() throws Exception {
        failuresToGive.set(1);
        outbox.enqueue(List.of(new LogoutNotice("rp-1", logoutUri, "sub-1", Optional.of("sid-1"))));

        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(status()).isEqualTo("PENDING");
        clock.advance(Duration.ofSeconds(9));
        assertThat(worker.deliverDue()).as("not due before the first retry delay").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.deliverDue()).isEqualTo(1);

        assertThat(received).hasSize(2);
        String firstJti = SignedJWT.parse(received.get(0).form().get("logout_token")).getJWTClaimsSet().getJWTID();
        String secondJti = SignedJWT.parse(received.get(1).form().get("logout_token")).getJWTClaimsSet().getJWTID();
        assertThat(secondJti).isEqualTo(firstJti);
        assertThat(status()).isEqualTo("DELIVERED");
        assertThat(attempts("retry")).isEqualTo(1.0);
        assertThat(attempts("delivered")).isEqualTo(1.0);
    }

    @Test
    void deliveryIsMarkedFailedAfterTheLastAttempt() {
        failuresToGive.set(Integer.MAX_VALUE);
        outbox.enqueue(List.of(new LogoutNotice("rp-1", logoutUri, "sub-2", Optional.of("sid-2"))));

        for (int attempt = 0; attempt < 5; attempt++) {
            worker.deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(received).hasSize(PROPERTIES.maxAttempts());
        assertThat(status()).isEqualTo("FAILED");
        assertThat(attempts("failed")).isEqualTo(1.0);
    }

    @Test
    void unreachableReceiverIsRetriedLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/backchannel-logout");
        outbox.enqueue(List.of(new LogoutNotice("rp-1", nowhere, "sub-3", Optional.of("sid-3"))));

        assertThat(worker.deliverDue()).isEqualTo(1);

        assertThat(status()).isEqualTo("PENDING");
        assertThat(JdbcClient.create(dataSource).sql("SELECT last_error FROM backchannel_logout_delivery")
                .query(String.class).single()).contains("ConnectException");
    }

    @Test
    void retryDelayDoublesUpToTheLimit() {
        assertThat(PROPERTIES.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(PROPERTIES.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(PROPERTIES.retryDelayAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(PROPERTIES.retryDelayAfter(20)).isEqualTo(Duration.ofMinutes(30));
    }

    private double attempts(String outcome) {
        return meters.counter("signet.logout.backchannel.attempts", "outcome", outcome).count();
    }

    private String status() {
        return JdbcClient.create(dataSource).sql("SELECT status FROM backchannel_logout_delivery")
                .query(String.class).single();
    }

    private static Map<String, String> form(String body) {
        return java.util.Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
