package dev.signet.server.oidc;

import static dev.signet.server.testing.ServiceWithBackChannel.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.ServiceWithBackChannel;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.authorization.web.OAuth2ClientAuthenticationFilter;
import org.springframework.security.oauth2.server.authorization.web.OAuth2TokenEndpointFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token, introspection and revocation endpoints and the JWKS are stateless: whatever a relying party sends, even a
 * citizen's session cookie, they answer without a cookie and neither create, read nor touch a Spring Session session
 * in Redis; the citizen's pages keep theirs.
 */
class StatelessTokenEndpointsIT extends RedisServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SESSION_KEYS = "signet:session:*";
    private static final String CLIENT_CREDENTIALS = basic("test-secret", "test-secret-value"); // test-relying-parties.yml

    @Autowired
    RedisClusterCommands<String, String> redis;
    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    FilterChainProxy springSecurityFilterChain;

    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceWithBackChannel service;

    @BeforeEach
    void relyingParty() {
        service = ServiceWithBackChannel.register(relyingParties, baseUrl(), "stateless");
    }

    @AfterEach
    void stopReceiver() {
        service.close();
    }

    @Test
    void tokenIntrospectionRevocationAndJwksAnswerWithoutACookieAndLeaveNoSessionInRedis() throws Exception {
        String session = signedInSession();
        String code = codeFor(session);
        Set<String> sessionKeysBefore = sessionKeys();
        List<HttpResponse<String>> answers = new ArrayList<>();

        HttpResponse<String> exchange = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", service.redirectUri().toString()), serviceCredentials(), null);
        answers.add(exchange);
        JsonNode tokens = JSON.readTree(exchange.body());
        answers.add(post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "read"),
                CLIENT_CREDENTIALS, null));
        HttpResponse<String> refresh = post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()), serviceCredentials(), null);
        answers.add(refresh);
        JsonNode rotated = JSON.readTree(refresh.body());
        HttpResponse<String> introspection = post("/oauth2/introspect",
                Map.of("token", rotated.get("access_token").asString()), serviceCredentials(), null);
        answers.add(introspection);
        answers.add(post("/oauth2/revoke", Map.of("token", rotated.get("refresh_token").asString()),
                serviceCredentials(), null));
        answers.add(post("/oauth2/introspect", Map.of("token", rotated.get("access_token").asString()), null, null));
        answers.add(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 200, 401, 200);
        assertThat(JSON.readTree(introspection.body()).get("active").asBoolean()).isTrue();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().allValues("Set-Cookie"))
                .as("%s %s", answer.request().method(), answer.uri()).isEmpty());
        assertThat(sessionKeys()).isEqualTo(sessionKeysBefore);
    }

    @Test
    void aTokenRequestCarryingTheCitizensSessionCookieNeitherReadsNorTouchesTheSession() throws Exception {
        String session = signedInSession();
        String code = codeFor(session);
        Instant lastAccessed = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        setLastAccessedTime(session, lastAccessed);
        Set<String> sessionKeysBefore = sessionKeys();

        HttpResponse<String> exchange = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", service.redirectUri().toString()), serviceCredentials(), session);
        JsonNode tokens = JSON.readTree(exchange.body());
        HttpResponse<String> refresh = post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()), serviceCredentials(), session);
        HttpResponse<String> introspection = post("/oauth2/introspect",
                Map.of("token", tokens.get("access_token").asString()), serviceCredentials(), session);
        HttpResponse<String> revocation = post("/oauth2/revoke",
                Map.of("token", JSON.readTree(refresh.body()).get("refresh_token").asString()), serviceCredentials(),
                session);
        HttpResponse<String> clientCredentials = post("/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "read"), CLIENT_CREDENTIALS, session);

        for (HttpResponse<String> answer : List.of(exchange, refresh, introspection, revocation, clientCredentials)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(sessions.findById(ServiceWithBackChannel.sessionId(session)).getLastAccessedTime())
                .as("the session was not loaded and saved again").isEqualTo(lastAccessed);
        assertThat(sessionKeys()).isEqualTo(sessionKeysBefore);
    }

    @Test
    void tokenResponsesKeepTheirNoStoreAndSecurityHeaders() throws Exception {
        HttpResponse<String> token = post("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", "read"),
                CLIENT_CREDENTIALS, null);

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(token.headers().firstValue("Pragma")).contains("no-cache");
        assertThat(token.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(token.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(token.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aCitizensPagesStillHaveTheirSession() throws Exception {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/account"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("signet-session=")).findFirst().orElseThrow();
        String sessionId = ServiceWithBackChannel.sessionId(
                cookie.substring("signet-session=".length(), cookie.indexOf(';')));
        assertThat(redis.exists("signet:session:sessions:" + sessionId)).isEqualTo(1L);

        String signedIn = signedInSession();
        HttpResponse<String> account = service.get("/account", signedIn);
        assertThat(account.statusCode()).as("a signed-in citizen's session is read on a page").isEqualTo(200);
    }

    @Test
    void theStatelessEndpointsSecurityChainKeepsClientAuthenticationAndHeadersButNoSessionMachinery() {
        for (String path : List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke", "/oauth2/jwks")) {
            Set<Class<?>> filters = filterTypes(path);
            assertThat(filters).as(path).contains(SecurityContextHolderFilter.class, HeaderWriterFilter.class,
                    OAuth2ClientAuthenticationFilter.class, AuthorizationFilter.class, OAuth2TokenEndpointFilter.class);
            assertThat(filters).as(path).doesNotContain(RequestCacheAwareFilter.class, SessionManagementFilter.class,
                    LogoutFilter.class, AnonymousAuthenticationFilter.class,
                    SecurityContextHolderAwareRequestFilter.class);
        }
        // The authorization endpoint is a browser's: it keeps its request cache and anonymous citizen.
        assertThat(filterTypes("/oauth2/authorize")).contains(RequestCacheAwareFilter.class,
                AnonymousAuthenticationFilter.class, CsrfFilter.class);
    }

    private Set<Class<?>> filterTypes(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        List<Filter> filters = springSecurityFilterChain.getFilterChains().stream()
                .filter(chain -> chain.matches(request)).findFirst().orElseThrow().getFilters();
        return filters.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    private Set<String> sessionKeys() {
        return new TreeSet<>(redis.keys(SESSION_KEYS));
    }

    private String signedInSession() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Account account = accounts.create(new Account(UUID.randomUUID(), "stateless-" + UUID.randomUUID()
                + "@example.gov.uk", true, Optional.empty(), AccountStatus.ACTIVE, now, now));
        return ServiceWithBackChannel.signedInSession(sessions, account.id());
    }

    /** The code the authorization endpoint gives the signed-in browser (a page request, which uses the session). */
    private String codeFor(String session) throws Exception {
        HttpResponse<String> authorize = service.authorize(session);
        assertThat(authorize.statusCode()).as(authorize.headers().map().toString()).isEqualTo(302);
        String query = URI.create(authorize.headers().firstValue("Location").orElseThrow()).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring("code=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + query);
    }

    @SuppressWarnings("unchecked")
    private void setLastAccessedTime(String session, Instant lastAccessed) {
        var repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session stored = repository.findById(ServiceWithBackChannel.sessionId(session));
        stored.setLastAccessedTime(lastAccessed);
        repository.save(stored);
    }

    private String serviceCredentials() {
        return service.clientAuthorization();
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization, String session)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new LinkedHashMap<>(form).entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (session != null) {
            request.header("Cookie", "signet-session=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
