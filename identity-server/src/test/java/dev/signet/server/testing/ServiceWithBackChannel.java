package dev.signet.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A confidential relying party registered for one test, with a live back-channel logout receiver, played over HTTP:
 * it sends a citizen's browser session to the authorization endpoint, exchanges the code, refreshes, introspects and
 * revokes with {@code client_secret_basic}. The citizen's session is put in the Redis session store directly (what
 * the sign-in journey leaves there), so tests that use it exercise everything after sign-in.
 */
public final class ServiceWithBackChannel implements AutoCloseable {

    /** A token endpoint answer: its status and JSON body. */
    public record Answer(int status, JsonNode json) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String clientId;
    private final String secret;
    private final URI redirectUri;
    private final URI postLogoutUri;
    private final BackChannelReceiver receiver;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServiceWithBackChannel(String baseUrl, String clientId, String secret, URI redirectUri,
            URI postLogoutUri, BackChannelReceiver receiver) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
        this.postLogoutUri = postLogoutUri;
        this.receiver = receiver;
    }

    /**
     * Registers a pairwise, ES256 relying party allowed the authorization code and refresh grants, whose back-channel
     * logout URI is a receiver started here.
     *
     * @param name a short name for the client id and the host of its redirect URIs
     */
    public static ServiceWithBackChannel register(RelyingPartyRepository relyingParties, String baseUrl, String name) {
        BackChannelReceiver receiver = BackChannelReceiver.start();
        String clientId = name + "-" + UUID.randomUUID();
        String secret = name + "-secret-" + UUID.randomUUID();
        String host = name + ".test.example";
        URI redirectUri = URI.create("https://" + host + "/callback");
        URI postLogoutUri = URI.create("https://" + host + "/signed-out");
        relyingParties.save(new RelyingParty(clientId, name + " test service", List.of(redirectUri),
                List.of(postLogoutUri), Optional.of(receiver.uri()), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                Optional.empty(), Optional.empty(), Optional.of(sha256Hex(secret)), host, SubjectType.PAIRWISE,
                Set.of("authorization_code", "refresh_token"), Set.of("openid"), Set.of(), List.of("Cl.Cm", "Cl"),
                IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
        return new ServiceWithBackChannel(baseUrl, clientId, secret, redirectUri, postLogoutUri, receiver);
    }

    public String clientId() {
        return clientId;
    }

    /** An {@code Authorization} header that authenticates this relying party ({@code client_secret_basic}). */
    public String clientAuthorization() {
        return basic(clientId, secret);
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public URI postLogoutUri() {
        return postLogoutUri;
    }

    public BackChannelReceiver receiver() {
        return receiver;
    }

    /** A session signed in at Cl.Cm as the sign-in journey leaves it; returns the cookie value. */
    @SuppressWarnings("unchecked")
    public static String signedInSession(FindByIndexNameSessionRepository<? extends Session> sessions,
            UUID accountId) {
        var repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(new CitizenAuthentication(accountId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), CredentialTrustLevel.MEDIUM)));
        repository.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    /** The session id in a session cookie's value. */
    public static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    /** An authorization request for {@code openid} at {@code Cl}, from the browser holding the session. */
    public HttpResponse<String> authorize(String session) throws Exception {
        return get("/oauth2/authorize?response_type=code&client_id=" + encode(clientId) + "&redirect_uri="
                + encode(redirectUri.toString()) + "&scope=openid&vtr=" + encode("[\"Cl\"]") + "&state=s1&nonce="
                + UUID.randomUUID(), session);
    }

    /** The token response for a code given to the signed-in session, which must succeed. */
    public JsonNode signInToTheService(String session) throws Exception {
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

    public Answer refresh(String refreshToken) throws Exception {
        HttpResponse<String> response = post("/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), true);
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** The introspection answer for a token, which must be a 200. */
    public JsonNode introspect(String token) throws Exception {
        HttpResponse<String> response = post("/oauth2/introspect", Map.of("token", token), true);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A page request from the browser holding the session. */
    public HttpResponse<String> get(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
                .header("Cookie", "signet-session=" + session).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form submitted from a page by the browser holding the session. */
    public HttpResponse<String> submit(String path, Map<String, String> form, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Cookie", "signet-session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form post, authenticated as this relying party or not at all. */
    public HttpResponse<String> post(String path, Map<String, String> form, boolean authenticated)
            throws Exception {
        return post(path, form, authenticated ? basic(clientId, secret) : null);
    }

    /** A form post with the given {@code Authorization} header (none when null). */
    public HttpResponse<String> post(String path, Map<String, String> form, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An {@code Authorization} header for {@code client_secret_basic}. */
    public static String basic(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (encode(client) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        receiver.close();
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> form(String query) {
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }
}
