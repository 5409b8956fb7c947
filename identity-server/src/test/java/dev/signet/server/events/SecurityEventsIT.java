package dev.signet.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.signet.client.AuthorizationOptions;
import dev.signet.client.AuthorizationRequest;
import dev.signet.client.ClientKey;
import dev.signet.client.SecurityEvent;
import dev.signet.client.SecurityEventToken;
import dev.signet.client.SignetClient;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.testing.TestBrowser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Security Event Tokens pushed over real HTTP to an events endpoint (a real HTTP server in the test) and checked by
 * Signet's relying-party client, as a department's service would: citizens sign in to services through Signet's
 * pages (which is how a service comes to know their {@code sub}), then accounts are merged or a legacy identity is
 * unlinked through {@link RelyingPartyEvents} in a transaction. The server runs on a fixed free port so that its
 * issuer is the URL the client calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class SecurityEventsIT {

    private static final int PORT = freePort();
    private static final String DATABASE_URL = PostgresTestServer.newEmptyDatabaseUrl();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final String PASSWORD = "security events passphrase";
    private static final Receiver RECEIVER = new Receiver();

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    RelyingPartyEvents events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void serverAtAKnownAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("signet.issuer", () -> ISSUER);
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-events.yml");
        registry.add("test.events.jdbc-url", () -> DATABASE_URL);
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void aMergeTellsEachServiceThatKnewTheAccountItsOwnOldAndNewSubAndNoOtherService() throws Exception {
        Service tax = service("dvla");
        Service selfAssessment = service("hmrc");
        Service never = service("dvla");
        UUID from = account();
        UUID to = account();
        TestBrowser fromBrowser = new TestBrowser(ISSUER);
        TestBrowser toBrowser = new TestBrowser(ISSUER);
        String fromAtTax = tax.signIn(fromBrowser, from);
        String fromAtSelfAssessment = selfAssessment.signIn(fromBrowser, from);
        String toAtTax = tax.signIn(toBrowser, to);
        String toAtSelfAssessment = selfAssessment.signIn(toBrowser, to);

        List<String> told = inTransaction(() -> events.accountsMerged(from, to));

        assertThat(told).containsExactlyInAnyOrder(tax.clientId, selfAssessment.clientId);
        Received atTax = tax.nextToken();
        assertThat(atTax.contentType()).isEqualTo("application/secevent+jwt");
        SecurityEventToken taxToken = tax.client.validateSecurityEventToken(atTax.body());
        assertThat(taxToken.events()).containsExactly(new SecurityEvent.AccountMerged(fromAtTax, toAtTax));
        SecurityEventToken selfAssessmentToken = selfAssessment.client.validateSecurityEventToken(
                selfAssessment.nextToken().body());
        assertThat(selfAssessmentToken.events()).containsExactly(
                new SecurityEvent.AccountMerged(fromAtSelfAssessment, toAtSelfAssessment));
        assertThat(fromAtTax).as("pairwise: each sector its own sub").isNotEqualTo(fromAtSelfAssessment);
        SignedJWT taxJwt = SignedJWT.parse(atTax.body());
        assertThat(taxJwt.getHeader().getType().getType()).isEqualTo("secevent+jwt");
        assertThat(taxJwt.getJWTClaimsSet().getAudience()).containsExactly(tax.clientId);
        assertThat(taxJwt.getJWTClaimsSet().getDateClaim("toe")).as("time of event, in seconds").isNotNull();
        assertThat(taxJwt.getJWTClaimsSet().getClaims()).doesNotContainKeys("exp", "sub", "nonce");

        assertThat(deliveriesTo(never.clientId)).as("a service the citizen never used is not told").isZero();
        assertThat(status(tax.clientId)).containsExactly("DELIVERED");
        assertThat(RECEIVER.received(never.path)).isEmpty();
    }

    @Test
    void anUnlinkNamesTheLegacyIdentityOnlyToServicesOfTheDepartmentThatOwnsTheConnector() throws Exception {
        Service dvla = service("dvla");
        Service hmrc = service("hmrc");
        Service noDepartment = service(null);
        UUID citizen = account();
        TestBrowser browser = new TestBrowser(ISSUER);
        String atDvla = dvla.signIn(browser, citizen);
        String atHmrc = hmrc.signIn(browser, citizen);
        String atNoDepartment = noDepartment.signIn(browser, citizen);

        inTransaction(() -> events.legacyIdentityUnlinked(citizen, "vehicle-tax", "CUST-1234"));

        Received toDvla = dvla.nextToken();
        assertThat(dvla.client.validateSecurityEventToken(toDvla.body()).events()).containsExactly(
                new SecurityEvent.LegacyIdentityUnlinked(atDvla, Optional.of("CUST-1234"), Optional.of("vehicle-tax")));
        Received toHmrc = hmrc.nextToken();
        assertThat(hmrc.client.validateSecurityEventToken(toHmrc.body()).events()).containsExactly(
                new SecurityEvent.LegacyIdentityUnlinked(atHmrc, Optional.empty(), Optional.empty()));
        assertThat(toHmrc.body()).as("not even inside the token").doesNotContain("CUST-1234");
        assertThat(noDepartment.client.validateSecurityEventToken(noDepartment.nextToken().body()).events())
                .containsExactly(new SecurityEvent.LegacyIdentityUnlinked(atNoDepartment, Optional.empty(),
                        Optional.empty()));
        assertThat(SignedJWT.parse(toDvla.body()).getJWTClaimsSet().getStringClaim("txn")).as("one change, one txn")
                .isEqualTo(SignedJWT.parse(toHmrc.body()).getJWTClaimsSet().getStringClaim("txn"));
    }

    @Test
    void aRefusalIsRecordedAsFailedWithoutRetryingAndAnUnavailableEndpointIsRetriedUntilItAccepts() throws Exception {
        Service refusing = service("dvla");
        Service unavailableOnce = service("dvla");
        RECEIVER.script(refusing.path, 400);
        RECEIVER.script(unavailableOnce.path, 503, 202);
        UUID from = account();
        UUID to = account();
        TestBrowser browser = new TestBrowser(ISSUER);
        refusing.signIn(browser, from);
        String previous = unavailableOnce.signIn(browser, from);

        inTransaction(() -> events.accountsMerged(from, to));

        Received first = unavailableOnce.nextToken();
        Received retried = unavailableOnce.nextToken();
        assertThat(SignedJWT.parse(retried.body()).getJWTClaimsSet().getJWTID()).as("the same SET, sent again")
                .isEqualTo(SignedJWT.parse(first.body()).getJWTClaimsSet().getJWTID());
        SecurityEvent merged = unavailableOnce.client.validateSecurityEventToken(retried.body()).events().get(0);
        assertThat(((SecurityEvent.AccountMerged) merged).previousSubject()).isEqualTo(previous);
        awaitFinished(unavailableOnce.clientId);
        assertThat(row(unavailableOnce.clientId)).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);

        refusing.nextToken();
        awaitFinished(refusing.clientId);
        Map<String, Object> refused = row(refusing.clientId);
        assertThat(refused).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) refused.get("last_error")).contains("invalid_key").contains("we cannot verify it");
        assertThat(RECEIVER.received(refusing.path)).as("a 400 is final: not sent again").isEmpty();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> change) {
        return new TransactionTemplate(transactionManager).execute(status -> change.get());
    }

    private UUID account() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        accounts.create(new Account(id, "events-" + id + "@example.gov.uk", true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));
        return id;
    }

    private Service service(String department) throws Exception {
        String clientId = "events-" + UUID.randomUUID();
        String path = "/" + clientId;
        URI redirectUri = URI.create("https://" + clientId + ".test.example/callback");
        ClientKey key = ClientKey.generate(clientId + "-1");
        relyingParties.save(new RelyingParty(clientId, "Events test service", List.of(redirectUri), List.of(),
                Optional.empty(), TokenEndpointAuthMethod.PRIVATE_KEY_JWT, Optional.of(key.publicJwkSet()),
                Optional.empty(), Optional.empty(), clientId + ".test.example", SubjectType.PAIRWISE,
                Set.of("authorization_code"), Set.of("openid"), Set.of(), List.of("Cl"),
                IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN)
                .withSecurityEvents(Optional.of(URI.create(RECEIVER.url(path))), Optional.ofNullable(department)));
        SignetClient client = SignetClient.builder().issuer(ISSUER).clientId(clientId)
                .clientKey(ClientKey.fromJwk(key.privateJwk())).redirectUri(redirectUri).scopes("openid").build();
        return new Service(clientId, path, client);
    }

    private long deliveriesTo(String clientId) {
        return JdbcClient.create(dataSource).sql("SELECT count(*) FROM security_event_delivery WHERE client_id = ?")
                .param(clientId).query(Long.class).single();
    }

    private List<String> status(String clientId) {
        awaitFinished(clientId);
        return JdbcClient.create(dataSource).sql("SELECT status FROM security_event_delivery WHERE client_id = ?")
                .param(clientId).query(String.class).list();
    }

    private Map<String, Object> row(String clientId) {
        return JdbcClient.create(dataSource).sql(
                "SELECT status, attempts, last_error FROM security_event_delivery WHERE client_id = ?")
                .param(clientId).query().singleRow();
    }

    /** Waits (up to a minute, for a slow machine) until the worker has finished with the client's deliveries. */
    private void awaitFinished(String clientId) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (JdbcClient.create(dataSource).sql(
                "SELECT count(*) FROM security_event_delivery WHERE client_id = ? AND status = 'PENDING'")
                .param(clientId).query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("deliveries to " + clientId + " finished").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A department's service: registered with an events endpoint on the receiver, signing citizens in with Signet. */
    private record Service(String clientId, String path, SignetClient client) {

        /** Signs the citizen in to this service in {@code browser}; returns the {@code sub} the service was given. */
        String signIn(TestBrowser browser, UUID accountId) throws Exception {
            AuthorizationRequest request = client.authorizationRequest(AuthorizationOptions.builder()
                    .vectorsOfTrust("Cl").build());
            TestBrowser.Page answer = browser.get(request.uri().toString());
            if (answer.location() != null && answer.location().contains("/sign-in")) {
                TestBrowser.Page signedIn = browser.signIn("events-" + accountId + "@example.gov.uk", PASSWORD);
                answer = browser.get(signedIn.location());
            }
            assertThat(answer.location()).as("back at the service").startsWith("https://" + clientId);
            return client.completeSignIn(URI.create(answer.location()), request.pending()).subject();
        }

        Received nextToken() throws InterruptedException {
            Received received = RECEIVER.received(path).poll(1, TimeUnit.MINUTES);
            assertThat(received).as("a security event token pushed to " + clientId).isNotNull();
            return received;
        }
    }

    private record Received(String contentType, String body) {
    }

    /**
     * The services' events endpoints: one HTTP server, a path per service. Each answers 202 unless the test scripts
     * other statuses for it; a 400 comes with RFC 8935's error object.
     */
    private static final class Receiver {

        private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();
        private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        BlockingQueue<Received> received(String path) {
            return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
        }

        void script(String path, Integer... statuses) {
            scripts.put(path, new ArrayDeque<>(List.of(statuses)));
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received(path).add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted == null ? 202 : scripted;
            if (status == 400) {
                byte[] error = "{\"err\":\"invalid_key\",\"description\":\"we cannot verify it\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(400, error.length);
                exchange.getResponseBody().write(error);
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
