package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's sign-in against a small server in this JVM that keeps the form contract of Signet's sign-in journey
 * (session cookie, {@code _csrf} fields, email then password, redirect back through the authorization endpoint) and
 * checks what a real server checks: CSRF, PKCE S256, redirect URI, one-time codes. It tests the driver, not Signet.
 */
class BrowserSignInTest {

    private static final URI REDIRECT_URI = URI.create("http://127.0.0.1/bench/callback");
    private static final String PASSWORD = "a long benchmark password";

    private HttpServer server;
    private URI origin;
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/sign-in", this::signIn);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/realms/bench/protocol/openid-connect/auth", this::keycloakLoginPage);
        server.createContext("/realms/bench/login-actions/authenticate", this::keycloakAuthenticate);
        server.createContext("/realms/bench/protocol/openid-connect/token", this::token);
        server.start();
        origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void signsInWithPkceAndExchangesTheCode() throws Exception {
        Map<String, Object> tokens = signIn(PASSWORD).signIn();

        assertThat(tokens).containsKeys("access_token", "id_token");
        assertThat(sessions.values()).allSatisfy(session -> assertThat(session).containsEntry("signed-in",
                "bench-user-1@example.test"));
    }

    @Test
    void eachSignInIsANewVisitForTheNextUser() throws Exception {
        BrowserSignIn signIn = signIn(PASSWORD);
        signIn.signIn();
        signIn.signIn();

        assertThat(sessions).hasSize(2);
        assertThat(sessions.values()).extracting(session -> session.get("signed-in"))
                .containsExactlyInAnyOrder("bench-user-1@example.test", "bench-user-2@example.test");
    }

    @Test
    void wrongPasswordIsAFailureNamingWhereTheFlowStopped() {
        assertThatExceptionOfType(FlowFailure.class).isThrownBy(() -> signIn("wrong").signIn())
                .withMessage("expected a redirect to the relying party but got 200 on /sign-in/password");
    }

    @Test
    void fillsInKeycloaksSingleLoginFormPostedToItsAction() throws Exception {
        Map<String, Object> tokens = signIn(Provider.keycloak(origin, "bench"), PASSWORD).signIn();

        assertThat(tokens).containsKeys("access_token", "id_token");
        assertThat(sessions.values()).anySatisfy(session -> assertThat(session).containsEntry("signed-in",
                "bench-user-1@example.test"));
    }

    @Test
    void wrongPasswordAtKeycloakIsAFailureToo() {
        assertThatExceptionOfType(FlowFailure.class)
                .isThrownBy(() -> signIn(Provider.keycloak(origin, "bench"), "wrong").signIn())
                .withMessage("expected a redirect to the relying party but got 200 on "
                        + "/realms/bench/login-actions/authenticate");
    }

    private BrowserSignIn signIn(String password) {
        return signIn(Provider.signet(origin), password);
    }

    private BrowserSignIn signIn(Provider provider, String password) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        TokenClient client = new TokenClient(http, provider,
                new ClientAuthentication.SecretBasic("bench-client", "secret"), Duration.ofSeconds(10));
        return new BrowserSignIn(http, provider, client, REDIRECT_URI, "openid", Map.of("vtr", "[\"Cl\"]"),
                new Users("bench-user-%d@example.test", 2, password), Duration.ofSeconds(10));
    }

    /** Keycloak's shape: the login form on the authorization endpoint itself, posted to an action with a code. */
    private void keycloakLoginPage(HttpExchange exchange) throws IOException {
        Map<String, String> session = session(exchange);
        session.put("saved-request", exchange.getRequestURI().getRawQuery());
        String sessionCode = session.computeIfAbsent("session-code", key -> UUID.randomUUID().toString());
        respond(exchange, 200, "<form id=\"kc-form-login\" onsubmit=\"x\" action=\"" + origin
                + "/realms/bench/login-actions/authenticate?session_code=" + sessionCode
                + "&amp;tab_id=t\" method=\"post\"><input name=\"username\"><input name=\"password\"></form>");
    }

    private void keycloakAuthenticate(HttpExchange exchange) throws IOException {
        Map<String, String> session = session(exchange);
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        if (!"t".equals(query.get("tab_id")) || !query.get("session_code").equals(session.get("session-code"))
                || !PASSWORD.equals(form.get("password"))) {
            respond(exchange, 200, "<p>Invalid username or password.</p>");
            return;
        }
        session.put("signed-in", form.get("username"));
        Map<String, String> request = parameters(session.get("saved-request"));
        String code = UUID.randomUUID().toString();
        codes.put(code, Map.of("challenge", request.get("code_challenge")));
        redirect(exchange, REDIRECT_URI + "?code=" + code + "&state=" + request.get("state"));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(exchange.getRequestURI().getRawQuery());
        Map<String, String> session = session(exchange);
        if (!REDIRECT_URI.toString().equals(request.get("redirect_uri")) || !"S256".equals(
                request.get("code_challenge_method")) || !"[\"Cl\"]".equals(request.get("vtr"))) {
            respond(exchange, 400, "bad authorization request");
            return;
        }
        if (session.get("signed-in") == null) {
            session.put("saved-request", exchange.getRequestURI().toString());
            redirect(exchange, "/sign-in");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, Map.of("challenge", request.get("code_challenge")));
        redirect(exchange, REDIRECT_URI + "?code=" + code + "&state=" + request.get("state") + "&iss=x");
    }

    private void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> session = session(exchange);
        boolean passwordStep = exchange.getRequestURI().getPath().equals("/sign-in/password");
        if (exchange.getRequestMethod().equals("GET")) {
            String csrf = session.computeIfAbsent("csrf", key -> UUID.randomUUID().toString());
            respond(exchange, 200, "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"" + csrf
                    + "\"><input name=\"" + (passwordStep ? "password" : "email") + "\"></form>");
            return;
        }
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        if (!session.get("csrf").equals(form.get("_csrf"))) {
            respond(exchange, 403, "csrf");
        } else if (!passwordStep) {
            session.put("email", form.get("email"));
            redirect(exchange, "/sign-in/password");
        } else if (PASSWORD.equals(form.get("password"))) {
            session.put("signed-in", session.get("email"));
            redirect(exchange, session.get("saved-request"));
        } else {
            respond(exchange, 200, "<p>wrong</p><input type=\"hidden\" name=\"_csrf\" value=\"" + session.get("csrf")
                    + "\">");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Map<String, String> code = codes.remove(form.getOrDefault("code", ""));
        boolean authenticated = ("Basic " + Base64.getEncoder().encodeToString("bench-client:secret".getBytes()))
                .equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (code == null || !authenticated || !REDIRECT_URI.toString().equals(form.get("redirect_uri"))
                || !code.get("challenge").equals(s256(form.get("code_verifier")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"a\",\"id_token\":\"i\",\"refresh_token\":\"r\"}");
    }

    private Map<String, String> session(HttpExchange exchange) {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie != null && cookie.startsWith("SESSION=") && sessions.containsKey(cookie.substring(8))) {
            return sessions.get(cookie.substring(8));
        }
        String id = UUID.randomUUID().toString();
        sessions.put(id, new ConcurrentHashMap<>());
        exchange.getResponseHeaders().add("Set-Cookie", "SESSION=" + id + "; Path=/; HttpOnly");
        return sessions.get(id);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
