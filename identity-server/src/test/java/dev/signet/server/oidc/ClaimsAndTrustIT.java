package dev.signet.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.oidc.claims.SubjectIdentifiers;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject identifiers, vectors of trust, freshness ({@code prompt}, {@code max_age}) and {@code ui_locales} over HTTP
 * with the test relying parties. A citizen's signed-in session is put in the Redis session store as the sign-in
 * journey leaves it (a {@link CitizenAuthentication} in the security context); signing in "again" is simulated the
 * same way, so these tests exercise everything the authorization server does around sign-in.
 */
class ClaimsAndTrustIT extends RedisServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "test-secret-value";
    private static final String VERIFIER = "claims-and-trust-verifier-0123456789abcdefghijklmnopqrstuvwxyz";

    @Autowired
    AccountRepository accounts;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    SubjectIdentifiers subjects;
    @Autowired
    SignetProperties signet;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Test clients: id, redirect URI, and whether it is the public PKCE client. */
    private record Client(String id, String redirectUri, boolean pkce) {
    }

    private static final Client SECRET_A = new Client("test-secret", "https://secret.test.example/callback", false);
    private static final Client PUBLIC_A = new Client("test-public", "http://127.0.0.1:9876/callback", true);
    private static final Client OTHER_B = new Client("test-other-sector", "https://other.test.example/callback", false);
    private static final Client PUBLIC_SUBJECT = new Client("test-public-subject",
            "https://public-subject.test.example/callback", false);

    @Test
    void pairwiseSubIsTheSameWithinASectorAndDiffersAcrossSectors() throws Exception {
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));

        JWTClaimsSet secretA = idToken(tokens(citizen, SECRET_A));
        JWTClaimsSet publicA = idToken(tokens(citizen, PUBLIC_A));
        JWTClaimsSet otherB = idToken(tokens(citizen, OTHER_B));
        JWTClaimsSet publicSubject = idToken(tokens(citizen, PUBLIC_SUBJECT));

        assertThat(secretA.getSubject()).isEqualTo(publicA.getSubject())
                .isEqualTo(subjects.subjectFor(citizen.accountId(), "test-secret"));
        assertThat(otherB.getSubject()).isNotEqualTo(secretA.getSubject());
        assertThat(publicSubject.getSubject()).isNotEqualTo(secretA.getSubject()).isNotEqualTo(otherB.getSubject());
        for (JWTClaimsSet token : new JWTClaimsSet[] {secretA, publicA, otherB, publicSubject}) {
            assertThat(token.getSubject()).matches("[A-Za-z0-9_-]{43}")
                    .isNotEqualTo(citizen.accountId().toString());
        }
        // The public subject is the same for another signed-in session of the same account, and not for another.
        Citizen again = new Citizen(citizen.accountId(), citizen.email(), session(citizen.accountId(),
                CredentialTrustLevel.LOW, Instant.now()));
        assertThat(idToken(tokens(again, PUBLIC_SUBJECT)).getSubject()).isEqualTo(publicSubject.getSubject());
        Citizen someoneElse = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        assertThat(idToken(tokens(someoneElse, SECRET_A)).getSubject()).isNotEqualTo(secretA.getSubject());
    }

    @Test
    void accessTokenAndIntrospectionCarryTheSameSubAsTheIdToken() throws Exception {
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        JsonNode tokens = tokens(citizen, SECRET_A);
        String sub = idToken(tokens).getSubject();

        assertThat(SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet().getSubject())
                .isEqualTo(sub);
        HttpResponse<String> introspection = post("/oauth2/introspect",
                Map.of("token", tokens.get("access_token").asString()), SECRET_A);
        assertThat(JSON.readTree(introspection.body()).get("sub").asString()).isEqualTo(sub);
        assertThat(introspection.body()).doesNotContain(citizen.accountId().toString());
        HttpResponse<String> refreshIntrospection = post("/oauth2/introspect",
                Map.of("token", tokens.get("refresh_token").asString()), SECRET_A);
        assertThat(refreshIntrospection.body()).contains("\"active\":true")
                .doesNotContain(citizen.accountId().toString());
    }

    @Test
    void userinfoSubMatchesIdTokenSub() throws Exception {
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        for (Client client : new Client[] {SECRET_A, OTHER_B}) {
            JsonNode tokens = tokens(citizen, client);

            HttpResponse<String> userinfo = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/userinfo"))
                    .header("Authorization", "Bearer " + tokens.get("access_token").asString()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
            JsonNode claims = JSON.readTree(userinfo.body());
            assertThat(claims.get("sub").asString()).isEqualTo(idToken(tokens).getSubject());
            assertThat(claims.get("email").asString()).isEqualTo(citizen.email());
            assertThat(claims.get("email_verified").asBoolean()).isTrue();
        }
    }

    @Test
    void userinfoLeavesOutEmailWithoutTheEmailScope() throws Exception {
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        Map<String, String> request = request(SECRET_A);
        request.put("scope", "openid");
        JsonNode tokens = exchange(SECRET_A, code(authorize(request, citizen.session())));

        String body = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token").asString()).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(JSON.readTree(body).get("sub").asString()).isEqualTo(idToken(tokens).getSubject());
        assertThat(body).doesNotContain("email");
    }

    @Test
    void clCmIsOfferedAndAPasswordSessionStepsUpWithoutLosingItsSignIn() throws Exception {
        Map<String, String> noVtr = request(PUBLIC_A);
        noVtr.remove("vtr");
        Map<String, String> clCm = request(PUBLIC_A);
        clCm.put("vtr", "[\"Cl.Cm\"]");

        // Nobody signed in: the sign-in page, for the default (Cl.Cm) as for an explicit Cl.Cm.
        assertThat(location(authorize(noVtr, null))).endsWith("/sign-in").doesNotContain("error=");
        assertThat(location(authorize(clCm, null))).endsWith("/sign-in").doesNotContain("error=");
        // A password-only session meeting a Cl.Cm request: the second factor only, the sign-in is kept.
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        assertThat(location(authorize(clCm, citizen.session()))).endsWith("/sign-in/second-factor");
        assertThat(securityContext(citizen)).isPresent();
        // prompt=none never shows that page: login_required, with or without a session.
        clCm.put("prompt", "none");
        assertError(authorize(clCm, citizen.session()), PUBLIC_A, "login_required");
        assertError(authorize(clCm, null), PUBLIC_A, "login_required");
        // A Cl.Cm sign-in gets its code, and the ID token says Cl.Cm.
        Citizen strong = signedIn(CredentialTrustLevel.MEDIUM, Duration.ofMinutes(1));
        Map<String, String> secretClCm = request(SECRET_A);
        secretClCm.put("vtr", "[\"Cl.Cm\"]");
        assertThat(idToken(exchange(SECRET_A, code(authorize(secretClCm, strong.session())))).getStringClaim("vot"))
                .isEqualTo("Cl.Cm");
    }

    @Test
    void promptNoneWithoutSessionReturnsLoginRequired() throws Exception {
        Map<String, String> request = request(PUBLIC_A);
        request.put("prompt", "none");

        assertError(authorize(request, null), PUBLIC_A, "login_required");

        // Signed in, but longer ago than max_age: still no page, login_required.
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(10));
        request.put("max_age", "300");
        assertError(authorize(request, citizen.session()), PUBLIC_A, "login_required");

        // Recent enough: the code comes straight back, no page.
        request.put("max_age", "3600");
        assertThat(code(authorize(request, citizen.session()))).isNotBlank();
    }

    @Test
    void maxAgeZeroForcesSignInAgain() throws Exception {
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        Map<String, String> request = request(SECRET_A);
        request.put("max_age", "0");

        HttpResponse<String> first = authorize(request, citizen.session());

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/sign-in").doesNotContain("code=");
        assertThat(securityContext(citizen)).isEmpty();

        // The citizen signs in again; the browser comes back with the same request and gets its code.
        Instant signedInAgain = Instant.now();
        putCitizen(citizen, signedInAgain);
        JsonNode tokens = exchange(SECRET_A, code(authorize(request, citizen.session())));
        assertThat(idToken(tokens).getDateClaim("auth_time").toInstant())
                .isEqualTo(signedInAgain.truncatedTo(ChronoUnit.SECONDS));

        // A sign-in of one minute ago answers max_age=3600 without a page.
        Citizen recent = signedIn(CredentialTrustLevel.LOW, Duration.ofMinutes(1));
        request.put("max_age", "3600");
        assertThat(code(authorize(request, recent.session()))).isNotBlank();
    }

    @Test
    void promptLoginForcesSignInAgainEvenForAFreshSession() throws Exception {
        Citizen citizen = signedIn(CredentialTrustLevel.LOW, Duration.ZERO);
        Map<String, String> request = request(SECRET_A);
        request.put("prompt", "login");

        assertThat(location(authorize(request, citizen.session()))).endsWith("/sign-in");
        assertThat(securityContext(citizen)).isEmpty();

        putCitizen(citizen, Instant.now());
        assertThat(code(authorize(request, citizen.session()))).isNotBlank();
        // The next prompt=login request (a new state) asks again.
        request.put("state", "another-" + UUID.randomUUID());
        assertThat(location(authorize(request, citizen.session()))).endsWith("/sign-in");
    }

    @Test
    void idTokenCarriesVotVtmAuthTimeAndAtHash() throws Exception {
        Instant authTime = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Citizen citizen = signedInAt(CredentialTrustLevel.LOW, authTime);

        JsonNode tokens = tokens(citizen, SECRET_A);
        JWTClaimsSet idToken = idToken(tokens);

        String issuer = signet.issuer().toString();
        assertThat(idToken.getStringClaim("vot")).isEqualTo("Cl");
        assertThat(idToken.getStringClaim("vtm")).isEqualTo(issuer + "/trustmark");
        assertThat(idToken.getDateClaim("auth_time").toInstant()).isEqualTo(authTime);
        assertThat(idToken.getStringClaim("sid")).isNotBlank();
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(tokens.get("access_token").asString().getBytes(StandardCharsets.US_ASCII));
        assertThat(idToken.getStringClaim("at_hash"))
                .isEqualTo(Base64URL.encode(Arrays.copyOf(hash, 16)).toString());

        // Refreshing keeps auth_time and vot, with at_hash of the new access token.
        HttpResponse<String> refreshed = post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()), SECRET_A);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode refreshedTokens = JSON.readTree(refreshed.body());
        JWTClaimsSet refreshedId = idToken(refreshedTokens);
        byte[] newHash = MessageDigest.getInstance("SHA-256")
                .digest(refreshedTokens.get("access_token").asString().getBytes(StandardCharsets.US_ASCII));
        assertThat(refreshedId.getStringClaim("at_hash")).isEqualTo(Base64URL.encode(Arrays.copyOf(newHash, 16)).toString());
        assertThat(refreshedId.getStringClaim("vot")).isEqualTo("Cl");
        assertThat(refreshedId.getSubject()).isEqualTo(idToken.getSubject());
        assertThat(refreshedId.getDateClaim("auth_time").toInstant()).isEqualTo(authTime);

        JsonNode trustmark = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/trustmark"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(trustmark.get("idp").asString()).isEqualTo(issuer);
        assertThat(trustmark.get("trustmark_provider").asString()).isEqualTo(issuer);
        assertThat(trustmark.get("C").toString()).isEqualTo("[\"Cl\",\"Cl.Cm\"]");
        String discovery = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(discovery).contains("\"vtr_values_supported\":[\"Cl.Cm\",\"Cl\"]")
                .contains("\"trustmarks\":\"" + issuer + "/trustmark\"");
    }

    @Test
    void uiLocalesCyShowsTheWelshSignInPage() throws Exception {
        Map<String, String> request = request(PUBLIC_A);
        request.put("ui_locales", "fr cy en");

        HttpResponse<String> response = authorize(request, null);

        assertThat(location(response)).endsWith("/sign-in");
        String languageCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("signet-lang=")).findFirst().orElse("");
        assertThat(languageCookie).startsWith("signet-lang=cy");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(location(response)))
                .header("Accept", "text/html").header("Cookie", languageCookie.split(";")[0]).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("lang=\"cy\"");
    }

    // ---- a signed-in citizen and the authorization code flow ----

    private record Citizen(UUID accountId, String email, String session) {
    }

    private Citizen signedIn(CredentialTrustLevel level, Duration ago) {
        return signedInAt(level, Instant.now().minus(ago));
    }

    private Citizen signedInAt(CredentialTrustLevel level, Instant authTime) {
        Instant now = Instant.now();
        String email = "claims-" + UUID.randomUUID() + "@example.gov.uk";
        Account account = accounts.create(new Account(UUID.randomUUID(), email, true, Optional.empty(),
                AccountStatus.ACTIVE, now, now));
        return new Citizen(account.id(), email, session(account.id(), level, authTime));
    }

    /** A session as the sign-in journey leaves it; returns the cookie value. */
    @SuppressWarnings("unchecked")
    private String session(UUID accountId, CredentialTrustLevel level, Instant authTime) {
        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT",
                new SecurityContextImpl(new CitizenAuthentication(accountId, authTime, level)));
        repository.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private void putCitizen(Citizen citizen, Instant authTime) {
        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.findById(sessionId(citizen.session()));
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                new CitizenAuthentication(citizen.accountId(), authTime, CredentialTrustLevel.LOW)));
        repository.save(session);
    }

    private Optional<Object> securityContext(Citizen citizen) {
        Session session = sessions.findById(sessionId(citizen.session()));
        assertThat(session).as("the session itself is kept").isNotNull();
        Object context = session.getAttribute("SPRING_SECURITY_CONTEXT");
        return context instanceof SecurityContext security && security.getAuthentication() != null
                ? Optional.of(context) : Optional.empty();
    }

    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static Map<String, String> request(Client client) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.id());
        parameters.put("redirect_uri", client.redirectUri());
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        if (client.pkce()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
            parameters.put("code_challenge", Base64URL.encode(digest).toString());
            parameters.put("code_challenge_method", "S256");
        }
        return parameters;
    }

    private JsonNode tokens(Citizen citizen, Client client) throws Exception {
        return exchange(client, code(authorize(request(client), citizen.session())));
    }

    private HttpResponse<String> authorize(Map<String, String> parameters, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/authorize?"
                + form(parameters))).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", "signet-session=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        return query == null ? Map.of() : Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.headers().map().toString()).isEqualTo(302);
        String code = query(location(response)).get("code");
        assertThat(code).as(location(response)).isNotBlank();
        return code;
    }

    private void assertError(HttpResponse<String> response, Client client, String error) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(client.redirectUri() + "?");
        assertThat(query(location(response))).containsEntry("error", error)
                .containsEntry("iss", signet.issuer().toString()).containsKey("state").doesNotContainKey("code");
    }

    private JsonNode exchange(Client client, String code) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", client.redirectUri());
        if (client.pkce()) {
            form.put("client_id", client.id());
            form.put("code_verifier", VERIFIER);
        }
        HttpResponse<String> response = post("/oauth2/token", form, client);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JWTClaimsSet idToken(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
    }

    private HttpResponse<String> post(String path, Map<String, String> form, Client client) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (!client.pkce()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (client.id() + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
