package dev.signet.server.testing.browser;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * A small public service that signs its users in with Signet the way a real one does, so that a browser test can start
 * where a citizen starts: on the service. It is the registered client {@value #CLIENT_ID} (authorization code with
 * PKCE, a state and a nonce), exchanges the code at the token endpoint from its own back end, verifies the ID token's
 * signature, issuer, audience and nonce, and offers RP-initiated sign-out. Its registered redirect URI is on the fixed
 * loopback address {@value #REGISTERED_AUTHORITY}; {@link Chromium} maps that address to the port it really listens on.
 */
public final class TestRelyingParty implements AutoCloseable {

    public static final String CLIENT_ID = "test-browser";
    public static final String REGISTERED_AUTHORITY = "127.0.0.1:9870";
    public static final String ORIGIN = "http://" + REGISTERED_AUTHORITY;
    public static final String REDIRECT_URI = ORIGIN + "/callback";
    public static final String POST_LOGOUT_REDIRECT_URI = ORIGIN + "/signed-out";
    public static final String SERVICE_NAME = "Test browser service";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicReference<SignIn> lastSignIn = new AtomicReference<>();
    private volatile String provider;

    /** An authorization request on its way: what the callback must find again. */
    private record Pending(String nonce, String codeVerifier) {
    }

    /** A completed sign-in: the verified ID token and its claims. */
    public record SignIn(String idToken, JWTClaimsSet claims) {
    }

    private TestRelyingParty(HttpServer server) {
        this.server = server;
    }

    static TestRelyingParty start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestRelyingParty relyingParty = new TestRelyingParty(server);
            server.createContext("/start", relyingParty::startSignIn);
            server.createContext("/callback", relyingParty::callback);
            server.createContext("/sign-out", relyingParty::signOut);
            server.createContext("/signed-out", exchange -> page(exchange, 200, "Signed out",
                    "<h1>You have signed out of " + SERVICE_NAME + "</h1><p id=\"state\">"
                            + escape(query(exchange).getOrDefault("state", "")) + "</p>"));
            server.start();
            return relyingParty;
        } catch (IOException e) {
            throw new IllegalStateException("The test relying party could not listen on a loopback port", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The Signet server this service uses (its base URL; each Spring context of the tests has its own port). */
    public void useProvider(String baseUrl) {
        this.provider = baseUrl;
    }

    /**
     * Where a citizen starts: this URL sends the browser to Signet with an authorization request ({@code vtr=["Cl"]}
     * unless {@code extraParameters} says otherwise; any authorization parameter may be added or replaced).
     */
    public String startUrl(Map<String, String> extraParameters) {
        return ORIGIN + "/start" + (extraParameters.isEmpty() ? "" : "?" + form(extraParameters));
    }

    public String startUrl() {
        return startUrl(Map.of());
    }

    /** Where the service's "Sign out" link goes: RP-initiated logout with the last ID token as hint. */
    public String signOutUrl() {
        return ORIGIN + "/sign-out";
    }

    public Optional<SignIn> lastSignIn() {
        return Optional.ofNullable(lastSignIn.get());
    }

    void forgetSignIns() {
        lastSignIn.set(null);
        pending.clear();
    }

    private void startSignIn(HttpExchange exchange) throws IOException {
        String state = random();
        String nonce = random();
        String verifier = random() + random();
        pending.put(state, new Pending(nonce, verifier));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", CLIENT_ID);
        request.put("redirect_uri", REDIRECT_URI);
        request.put("scope", "openid email");
        request.put("state", state);
        request.put("nonce", nonce);
        request.put("code_challenge", Base64URL.encode(sha256(verifier)).toString());
        request.put("code_challenge_method", "S256");
        // A password alone unless the test asks for more (Signet's own default is Cl.Cm).
        request.put("vtr", "[\"Cl\"]");
        request.putAll(query(exchange));
        redirect(exchange, provider() + "/oauth2/authorize?" + form(request));
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> response = query(exchange);
        Pending request = pending.remove(response.getOrDefault("state", ""));
        if (request == null) {
            page(exchange, 400, "Unexpected response", "<h1>The response does not match a request we sent</h1>");
            return;
        }
        if (response.containsKey("error")) {
            page(exchange, 200, "Not signed in", "<h1>You are not signed in</h1><p id=\"error\">"
                    + escape(response.get("error")) + "</p>");
            return;
        }
        try {
            SignIn signIn = redeem(response.get("code"), request);
            lastSignIn.set(signIn);
            page(exchange, 200, "Signed in", "<h1>You are signed in to " + SERVICE_NAME + "</h1>"
                    + "<p id=\"vot\">" + escape(String.valueOf(signIn.claims().getClaim("vot"))) + "</p>"
                    + "<p><a href=\"/sign-out\">Sign out</a></p>");
        } catch (Exception e) {
            page(exchange, 500, "Sign-in failed", "<h1>Sign-in failed</h1><pre>" + escape(e.toString()) + "</pre>");
        }
    }

    private SignIn redeem(String code, Pending request) throws Exception {
        Map<String, Object> tokens = JSONObjectUtils.parse(post(provider() + "/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", CLIENT_ID, "code_verifier", request.codeVerifier())));
        String idToken = (String) tokens.get("id_token");
        if (idToken == null) {
            throw new IllegalStateException("No ID token in the token response: " + tokens.keySet());
        }
        String issuer = (String) JSONObjectUtils.parse(get(provider() + "/.well-known/openid-configuration"))
                .get("issuer");
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                new ImmutableJWKSet<>(JWKSet.parse(get(provider() + "/oauth2/jwks")))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(CLIENT_ID,
                new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", request.nonce()).build(),
                Set.of("sub", "iat", "exp")));
        return new SignIn(idToken, processor.process(idToken, null));
    }

    private void signOut(HttpExchange exchange) throws IOException {
        SignIn signIn = lastSignIn.get();
        Map<String, String> request = new LinkedHashMap<>();
        if (signIn != null) {
            request.put("id_token_hint", signIn.idToken());
        }
        request.put("post_logout_redirect_uri", POST_LOGOUT_REDIRECT_URI);
        request.put("state", "signed-out-" + random());
        redirect(exchange, provider() + "/connect/logout?" + form(request));
    }

    private String provider() {
        if (provider == null) {
            throw new IllegalStateException("useProvider(baseUrl) first");
        }
        return provider;
    }

    private String get(String url) throws IOException, InterruptedException {
        return body(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()), url);
    }

    private String post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        return body(http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                HttpResponse.BodyHandlers.ofString()), url);
    }

    private static String body(HttpResponse<String> response, String url) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void page(HttpExchange exchange, int status, String title, String content) throws IOException {
        byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - "
                + SERVICE_NAME + "</title></head><body><main>" + content + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, html.length);
        exchange.getResponseBody().write(html);
        exchange.close();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
