package dev.signet.server.interventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.testing.BackChannelReceiver;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import dev.signet.core.password.PasswordHasher;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account interventions over HTTP, with a relying party registered for this test and a live back-channel receiver:
 * the citizen has a Signet session (in Redis) and tokens at the relying party when the intervention is placed.
 */
class InterventionsIT extends RedisServerIntegrationTest {

    private static final String SECRET = "interventions-secret-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "interventions password";

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    AccountInterventions interventions;

    private final HttpClient http = HttpClient.newHttpClient();
    private BackChannelReceiver receiver;
    private String clientId;
    private URI redirectUri;

    @BeforeEach
    void relyingPartyWithAReceiver() throws Exception {
        receiver = BackChannelReceiver.start();
        clientId = "interventions-" + UUID.randomUUID();
        redirectUri = URI.create("https://interventions.test.example/callback");
        URI logoutUri = receiver.uri();
        relyingParties.save(new RelyingParty(clientId, "Interventions test service", List.of(redirectUri),
                List.of(), Optional.of(logoutUri), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                Optional.empty(), Optional.empty(), Optional.of(sha256Hex(SECRET)), "interventions.test.example",
                SubjectType.PAIRWISE, Set.of("authorization_code", "refresh_token"), Set.of("openid"), Set.of(),
                List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void suspendingAnAccountEndsItsSessionsTellsTheServiceAndRefusesItsTokens() throws Exception {
        Account account = account();
        String session = signedInSession(account);
        JsonNode tokens = signInToTheService(session);
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());

        InterventionOutcome outcome = interventions.apply(account.id(), AccountStatus.SUSPENDED);

        assertThat(outcome).isEqualTo(new InterventionOutcome.Applied(AccountStatus.ACTIVE, AccountStatus.SUSPENDED,
                1, 1, 1));
        assertThat(sessions.findById(sessionId(session))).as("the Signet session").isNull();
        JWTClaimsSet logoutToken = receiver.awaitLogoutToken().getJWTClaimsSet();
        assertThat(logoutToken.getAudience()).containsExactly(clientId);
        assertThat(logoutToken.getSubject()).isEqualTo(idToken.getJWTClaimsSet().getSubject());
        assertThat(logoutToken.getStringClaim("sid")).isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"));
        Answer refresh = refresh(tokens.get("refresh_token").asString());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(introspect(tokens.get("access_token").asString()).get("active").asBoolean()).isFalse();
        TestBrowser.Page signIn = new TestBrowser(baseUrl()).signIn(account.email(), PASSWORD);
        assertThat(signIn.body()).contains("Your account has been suspended");
    }

    @Test
    void aRefreshForAnAccountBlockedBehindTheServicesBackIsRefusedAndItsSessionEnds() throws Exception {
        Account account = account();
        String session = signedInSession(account);
        JsonNode tokens = signInToTheService(session);

        // Changed in the database alone (as another tool might): no tokens were revoked by an intervention.
        accounts.updateStatus(account.id(), AccountStatus.BLOCKED);

        Answer refresh = refresh(tokens.get("refresh_token").asString());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(introspect(tokens.get("access_token").asString()).get("active").asBoolean())
                .as("the refused family is revoked").isFalse();
        HttpResponse<String> accountPage = get("/account", session);
        assertThat(accountPage.statusCode()).isEqualTo(302);
        assertThat(accountPage.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/sign-in"));
        HttpResponse<String> authorize = authorize(session);
        assertThat(authorize.headers().firstValue("Location")).as("no code for a blocked account")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    @Test
    void liftingAnInterventionLetsTheCitizenSignInAgain() throws Exception {
        Account account = account();
        interventions.apply(account.id(), AccountStatus.BLOCKED);
        assertThat(new TestBrowser(baseUrl()).signIn(account.email(), PASSWORD).body())
                .contains("Your account has been blocked");

        InterventionOutcome lifted = interventions.apply(account.id(), AccountStatus.ACTIVE);

        assertThat(lifted).isEqualTo(new InterventionOutcome.Applied(AccountStatus.BLOCKED, AccountStatus.ACTIVE,
                0, 0, 0));
        assertThat(new TestBrowser(baseUrl()).signIn(account.email(), PASSWORD).location()).endsWith("/account");
    }

    @Test
    void anUnknownAccountIsSaidToBeUnknown() {
        assertThat(interventions.apply(UUID.randomUUID(), AccountStatus.SUSPENDED))
                .isEqualTo(new InterventionOutcome.NoSuchAccount());
    }

    private Account account() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return accounts.create(new Account(UUID.randomUUID(), "intervention-" + UUID.randomUUID()
                + "@example.gov.uk", true, Optional.of(hasher.hash(PASSWORD)), AccountStatus.ACTIVE, now, now));
    }

    private HttpResponse<String> authorize(String session) throws Exception {
        return get("/oauth2/authorize?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri.toString()) + "&scope=openid&vtr=" + encode("[\"Cl\"]")
                + "&state=s1&nonce=" + UUID.randomUUID(), session);
    }

    // ---- a signed-in citizen, and the authorization code flow of the test service ----

    /** A session as the sign-in journey leaves it; returns the cookie value. */
    @SuppressWarnings("unchecked")
    private String signedInSession(Account account) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                new CitizenAuthentication(account.id(), now, CredentialTrustLevel.MEDIUM)));
        repository.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode signInToTheService(String session) throws Exception {
        HttpResponse<String> authorize = authorize(session);
        assertThat(authorize.statusCode()).as(authorize.headers().map().toString()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri.toString());
        String code = form(URI.create(location).getRawQuery()).get("code");
        HttpResponse<String> token = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri.toString()), true);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private Answer refresh(String refreshToken) throws Exception {
        HttpResponse<String> response = post("/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), true);
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private JsonNode introspect(String token) throws Exception {
        HttpResponse<String> response = post("/oauth2/introspect", Map.of("token", token), true);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private record Answer(int status, JsonNode json) {
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html")
                .header("Cookie", "signet-session=" + session).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, boolean authenticated)
            throws Exception {
        return post(path, form, authenticated ? basic(clientId, SECRET) : null);
    }

    private static String basic(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (encode(client) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new LinkedHashMap<>(form).entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }
}
