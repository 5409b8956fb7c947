package dev.signet.server.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.testing.AdminApiPerClass;
import dev.signet.server.testing.OperatorClient;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account merge, undo and unlink end to end: this identity-server (real PostgreSQL, sessions in a real redis-server)
 * and the admin API started next to it on the same database. A service with an events endpoint (a real HTTP server in
 * this test) that citizens signed in to receives Security Event Tokens signed by Signet, checked here against Signet's
 * published JWKS; the merged account can no longer sign in, and can again once the merge is undone.
 */
class AccountMergeEndToEndIT extends RedisServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "merge end to end passphrase";
    private static final String SERVICE_SECRET = "merge-e2e-secret-" + UUID.randomUUID();
    private static final String MERGED = "https://signet.dev/secevent/account-merged";
    private static final String UNLINKED = "https://signet.dev/secevent/legacy-identity-unlinked";
    @RegisterExtension
    static final AdminApiPerClass ADMIN_API = new AdminApiPerClass();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> securityEvents = new LinkedBlockingQueue<>();
    private final URI serviceCallback = URI.create("https://merge-e2e.test.example/callback");

    @Autowired
    private Environment environment;
    @Autowired
    private RelyingPartyRepository relyingParties;
    @Autowired
    private AccountRepository accounts;
    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private PasswordHasher hasher;

    private OperatorClient admin;
    private HttpServer receiver;
    private String serviceId;

    @BeforeEach
    void startAdminApi() {
        admin = ADMIN_API.start(environment, baseUrl()).operator();
    }

    @BeforeEach
    void serviceWithAnEventsEndpoint() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", exchange -> {
            securityEvents.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        serviceId = "merge-e2e-" + UUID.randomUUID();
        relyingParties.save(new RelyingParty(serviceId, "Merge end-to-end service", List.of(serviceCallback),
                List.of(), Optional.empty(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(),
                Optional.empty(), Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(SERVICE_SECRET.getBytes(StandardCharsets.UTF_8)))), "merge-e2e.test.example",
                SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"), Set.of(), List.of("Cl"),
                IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN)
                .withSecurityEvents(Optional.of(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/events")), Optional.empty()));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aMergeTellsTheServiceItsOldAndNewSubEndsTheSourceAndAnUndoLetsItSignInAgain() throws Exception {
        String sourceEmail = "merge-source-" + UUID.randomUUID() + "@example.com";
        String targetEmail = "merge-target-" + UUID.randomUUID() + "@example.com";
        Account source = account(sourceEmail);
        Account target = account(targetEmail);
        String legacySubject = "VT-" + source.id();
        links.link(new LinkedIdentity(source.id(), "vehicle-tax", legacySubject, Instant.now(), "new_account",
                Optional.empty()));
        TestBrowser sourceBrowser = new TestBrowser(baseUrl());
        assertThat(sourceBrowser.signIn(sourceEmail, PASSWORD).location()).endsWith("/account");
        String sourceSub = subjectAtTheService(sourceBrowser);
        TestBrowser targetBrowser = new TestBrowser(baseUrl());
        assertThat(targetBrowser.signIn(targetEmail, PASSWORD).location()).endsWith("/account");
        String targetSub = subjectAtTheService(targetBrowser);
        String operator = admin.token("test-operator-actions", "admin.read admin.support admin.manage");

        JsonNode preview = JSON.readTree(admin.get("/accounts/" + source.id() + "/merge-preview?into=" + target.id(),
                operator).body());
        assertThat(preview.get("possible").asBoolean()).isTrue();
        assertThat(preview.get("relying_parties_to_tell").toString()).contains(serviceId);
        HttpResponse<String> merged = admin.send("POST", "/accounts/" + source.id() + "/merge",
                preview.get("source_etag").asString(), "{\"into\":\"" + target.id() + "\",\"target_etag\":"
                        + JSON.writeValueAsString(preview.get("target_etag").asString())
                        + ",\"reason\":\"E2E-M1 same person\"}", operator);

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JWTClaimsSet token = verifiedSecurityEventToken();
        assertThat(token.getAudience()).containsExactly(serviceId);
        Map<String, Object> event = eventOf(token, MERGED);
        assertThat(event).containsEntry("previous_sub", sourceSub).containsEntry("sub", targetSub);
        assertThat(sourceSub).isNotEqualTo(targetSub);
        assertThat(links.find("vehicle-tax", legacySubject).orElseThrow().accountId()).isEqualTo(target.id());
        assertThat(sourceBrowser.get("/account").location()).as("the source's Signet session ended")
                .endsWith("/sign-in");
        assertThat(new TestBrowser(baseUrl()).signIn(sourceEmail, PASSWORD).body())
                .contains("joined to another of your accounts");
        assertThat(targetBrowser.get("/account").status()).as("the target is untouched").isEqualTo(200);

        HttpResponse<String> undone = admin.send("POST", "/accounts/" + source.id() + "/merge/undo",
                etagOf(source, operator), "{\"reason\":\"E2E-M2 two people after all\"}", operator);

        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(new TestBrowser(baseUrl()).signIn(sourceEmail, PASSWORD).location()).endsWith("/account");
        assertThat(links.find("vehicle-tax", legacySubject).orElseThrow().accountId()).isEqualTo(source.id());
        JWTClaimsSet unlinkedFromTarget = verifiedSecurityEventToken();
        assertThat(eventOf(unlinkedFromTarget, UNLINKED)).as("the target lost the identity again")
                .containsEntry("sub", targetSub);
    }

    @Test
    void anUnlinkThroughTheAdminApiTellsTheServiceWithASignedToken() throws Exception {
        String email = "unlink-" + UUID.randomUUID() + "@example.com";
        Account account = account(email);
        String legacySubject = "SL-" + account.id();
        links.link(new LinkedIdentity(account.id(), "student-loans", legacySubject, Instant.now(), "new_account",
                Optional.empty()));
        TestBrowser browser = new TestBrowser(baseUrl());
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        String sub = subjectAtTheService(browser);
        String operator = admin.token("test-operator-actions", "admin.read admin.support");

        HttpResponse<String> unlinked = admin.send("DELETE", "/accounts/" + account.id()
                + "/linked-identities?connector_id=student-loans&legacy_subject=" + legacySubject
                + "&reason=E2E-U1", etagOf(account, operator), null, operator);

        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
        JWTClaimsSet token = verifiedSecurityEventToken();
        assertThat(eventOf(token, UNLINKED)).containsEntry("sub", sub)
                .as("a service of no department is not told the legacy subject").doesNotContainKey("legacy_subject");
        assertThat(links.find("student-loans", legacySubject)).isEmpty();
    }

    /** The next token pushed to the events endpoint, its signature checked against the keys Signet publishes. */
    private JWTClaimsSet verifiedSecurityEventToken() throws Exception {
        String body = securityEvents.poll(1, TimeUnit.MINUTES);
        assertThat(body).as("a security event token reached the service").isNotNull();
        SignedJWT jwt = SignedJWT.parse(body);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("secevent+jwt");
        JWKSet published = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        ECKey key = (ECKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("signed with a key in Signet's JWKS").isNotNull();
        assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).as("signature").isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(environment.getRequiredProperty("signet.issuer"));
        return jwt.getJWTClaimsSet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> eventOf(JWTClaimsSet token, String type) throws Exception {
        Map<String, Object> events = token.getJSONObjectClaim("events");
        assertThat(events).containsOnlyKeys(type);
        return (Map<String, Object>) events.get(type);
    }

    private Account account(String email) {
        Instant now = Instant.now();
        return accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));
    }

    /** The signed-in browser signs in to the service (Cl); returns the sub its ID token carries. */
    private String subjectAtTheService(TestBrowser browser) throws Exception {
        TestBrowser.Page authorized = browser.get("/oauth2/authorize?" + SecretClient.form(Map.of(
                "response_type", "code", "client_id", serviceId, "redirect_uri", serviceCallback.toString(),
                "scope", "openid", "vtr", "[\"Cl\"]", "state", "s", "nonce", UUID.randomUUID().toString())));
        assertThat(authorized.location()).as(authorized.toString()).startsWith(serviceCallback.toString());
        String query = URI.create(authorized.location()).getRawQuery();
        String code = URLDecoder.decode(query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(serviceId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(SERVICE_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SecretClient.form(Map.of("grant_type",
                        "authorization_code", "code", code, "redirect_uri", serviceCallback.toString()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return SignedJWT.parse(JSON.readTree(tokens.body()).get("id_token").asString()).getJWTClaimsSet()
                .getSubject();
    }

    private String etagOf(Account account, String token) throws Exception {
        return admin.etag("/accounts/" + account.id(), token);
    }
}
