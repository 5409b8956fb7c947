package dev.signet.server.logout;

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
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
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
 * Refresh rotation, reuse, revocation, introspection, RP-initiated logout and back-channel delivery over HTTP, with a
 * relying party registered for this test and a live back-channel receiver. The citizen's signed-in session is put in
 * the Redis session store directly (what the sign-in journey leaves there), so these tests exercise everything after
 * sign-in.
 */
class TokenLifecycleIT extends RedisServerIntegrationTest {

    private static final String SECRET = "sessions-e2e-secret-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    AuthorizationStore authorizationStore;
    @Autowired
    RegisteredClientRepository registeredClients;

    private final HttpClient http = HttpClient.newHttpClient();
    private BackChannelReceiver receiver;
    private String clientId;
    private URI redirectUri;
    private URI postLogoutUri;

    @BeforeEach
    void relyingPartyWithAReceiver() throws Exception {
        receiver = BackChannelReceiver.start();
        clientId = "sessions-e2e-" + UUID.randomUUID();
        redirectUri = URI.create("https://sessions-e2e.test.example/callback");
        postLogoutUri = URI.create("https://sessions-e2e.test.example/signed-out");
        URI logoutUri = receiver.uri();
        relyingParties.save(new RelyingParty(clientId, "Sessions test service", List.of(redirectUri),
                List.of(postLogoutUri), Optional.of(logoutUri), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                Optional.empty(), Optional.empty(), Optional.of(sha256Hex(SECRET)), "sessions-e2e.test.example",
                SubjectType.PAIRWISE, Set.of("authorization_code", "refresh_token"), Set.of("openid"), Set.of(),
                List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() throws Exception {
        JsonNode tokens = signInToTheService(signedInSession());
        JsonNode rotated = refresh(tokens.get("refresh_token").asString()).json();
        assertThat(rotated.get("refresh_token").asString()).isNotEqualTo(tokens.get("refresh_token").asString());
        assertThat(introspect(rotated.get("access_token").asString()).get("active").asBoolean()).isTrue();

        Answer reuse = refresh(tokens.get("refresh_token").asString());

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(refresh(rotated.get("refresh_token").asString()).status()).isEqualTo(400);
        assertThat(introspect(rotated.get("access_token").asString()).get("active").asBoolean()).isFalse();
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokenToo() throws Exception {
        JsonNode tokens = signInToTheService(signedInSession());

        HttpResponse<String> revoked = post("/oauth2/revoke", Map.of("token", tokens.get("refresh_token").asString(),
                "token_type_hint", "refresh_token"), true);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(introspect(tokens.get("refresh_token").asString()).get("active").asBoolean()).isFalse();
        JsonNode access = introspect(tokens.get("access_token").asString());
        assertThat(access.get("active").asBoolean()).isFalse();
        assertThat(access.properties()).hasSize(1);
        assertThat(refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(400);
    }

    @Test
    void revokingAnAccessTokenLeavesTheRefreshTokenUsable() throws Exception {
        JsonNode tokens = signInToTheService(signedInSession());

        assertThat(post("/oauth2/revoke", Map.of("token", tokens.get("access_token").asString(),
                "token_type_hint", "access_token"), true).statusCode()).isEqualTo(200);

        assertThat(introspect(tokens.get("access_token").asString()).get("active").asBoolean()).isFalse();
        assertThat(refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void anotherClientCannotRevokeThisClientsTokenButMayIntrospectIt() throws Exception {
        JsonNode tokens = signInToTheService(signedInSession());
        String otherClient = basic("test-secret", "test-secret-value"); // from test-relying-parties.yml

        HttpResponse<String> revoke = post("/oauth2/revoke", Map.of("token", tokens.get("refresh_token").asString()),
                otherClient);
        HttpResponse<String> introspect = post("/oauth2/introspect",
                Map.of("token", tokens.get("access_token").asString()), otherClient);

        assertThat(revoke.statusCode()).isNotEqualTo(200);
        assertThat(JSON.readTree(revoke.body()).get("error").asString()).isEqualTo("invalid_client");
        assertThat(introspect(tokens.get("refresh_token").asString()).get("active").asBoolean()).isTrue();
        JsonNode seenByOther = JSON.readTree(introspect.body());
        assertThat(seenByOther.get("active").asBoolean()).isTrue();
        assertThat(seenByOther.get("client_id").asString()).isEqualTo(clientId);
    }

    @Test
    void expiredTokenIsInactive() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        String expired = "expired-" + UUID.randomUUID();
        authorizationStore.save(OAuth2Authorization.withRegisteredClient(registeredClients.findByClientId(clientId))
                .id(UUID.randomUUID().toString()).principalName(UUID.randomUUID().toString())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).authorizedScopes(Set.of("openid"))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, expired, issued,
                        issued.plus(Duration.ofMinutes(10)), Set.of("openid")))
                .build());

        JsonNode answer = introspect(expired);

        assertThat(answer.get("active").asBoolean()).isFalse();
        assertThat(answer.properties()).hasSize(1);
    }

    @Test
    void revokingAnUnknownTokenIsStillOk() throws Exception {
        assertThat(post("/oauth2/revoke", Map.of("token", "no-such-token-" + UUID.randomUUID()), true).statusCode())
                .isEqualTo(200);
    }

    @Test
    void introspectionNeedsAnAuthenticatedClient() throws Exception {
        JsonNode tokens = signInToTheService(signedInSession());

        HttpResponse<String> anonymous = post("/oauth2/introspect",
                Map.of("token", tokens.get("access_token").asString()), false);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode active = introspect(tokens.get("access_token").asString());
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("client_id").asString()).isEqualTo(clientId);
    }

    @Test
    void logoutFromTheServiceEndsTheSessionRedirectsWithStateAndTellsTheServiceOverTheBackChannel()
            throws Exception {
        receiver.failNext(1); // the receiver first answers 500: the worker must retry
        String session = signedInSession();
        JsonNode tokens = signInToTheService(session);
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());

        HttpResponse<String> logout = get("/connect/logout?id_token_hint=" + encode(idToken.serialize())
                + "&post_logout_redirect_uri=" + encode(postLogoutUri.toString()) + "&state=st-123", session);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).contains(postLogoutUri + "?state=st-123");
        assertThat(sessions.findById(sessionId(session))).isNull();
        JWTClaimsSet logoutToken = receiver.awaitLogoutToken().getJWTClaimsSet();
        assertThat(logoutToken.getAudience()).containsExactly(clientId);
        assertThat(logoutToken.getSubject()).isEqualTo(idToken.getJWTClaimsSet().getSubject());
        assertThat(logoutToken.getStringClaim("sid")).isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"))
                .isNotBlank();
        assertThat(logoutToken.getJSONObjectClaim("events"))
                .containsKey("http://schemas.openid.net/event/backchannel-logout");
    }

    @Test
    void logoutWithAnUnregisteredPostLogoutUriAsksTheCitizenInsteadOfRedirecting() throws Exception {
        String session = signedInSession();
        JsonNode tokens = signInToTheService(session);

        HttpResponse<String> logout = get("/connect/logout?id_token_hint=" + encode(tokens.get("id_token").asString())
                + "&post_logout_redirect_uri=" + encode("https://sessions-e2e.test.example/elsewhere"), session);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/sign-out").doesNotContain("elsewhere"));
        assertThat(sessions.findById(sessionId(session))).as("still signed in").isNotNull();
        HttpResponse<String> confirm = get("/sign-out", session);
        assertThat(confirm.body()).contains("Do you want to sign out?");
    }

    @Test
    void signingOutFromTheAccountTellsTheServiceOverTheBackChannel() throws Exception {
        String session = signedInSession();
        JsonNode tokens = signInToTheService(session);
        HttpResponse<String> confirm = get("/sign-out", session);
        String csrf = confirm.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> signedOut = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sign-out"))
                .header("Cookie", "signet-session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/signed-out"));
        assertThat(sessions.findById(sessionId(session))).isNull();
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        assertThat(receiver.awaitLogoutToken().getJWTClaimsSet().getStringClaim("sid"))
                .isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"));
    }

    // ---- a signed-in citizen, and the authorization code flow of the test service ----

    /** A session as the sign-in journey leaves it; returns the cookie value. */
    @SuppressWarnings("unchecked")
    private String signedInSession() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Account account = accounts.create(new Account(UUID.randomUUID(), "sessions-" + UUID.randomUUID()
                + "@example.gov.uk", true, Optional.empty(), AccountStatus.ACTIVE, now, now));
        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                new CitizenAuthentication(account.id(), now, CredentialTrustLevel.MEDIUM)));
        repository.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode signInToTheService(String session) throws Exception {
        HttpResponse<String> authorize = get("/oauth2/authorize?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri.toString()) + "&scope=openid&vtr=" + encode("[\"Cl\"]")
                + "&state=s1&nonce="
                + UUID.randomUUID(), session);
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
