package dev.signet.simulator.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import dev.signet.simulator.AuthorizationError;
import dev.signet.simulator.LoginMode;
import dev.signet.simulator.SimulatedClient;
import dev.signet.simulator.SimulatedUser;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorization endpoint, as Signet checks a request: a registered client and an exactly registered redirect URI
 * (otherwise a page for the citizen, never a redirect), then {@code response_type=code}, {@code openid}, a
 * {@code nonce}, PKCE {@code S256}, {@code vtr}, {@code max_age}, {@code prompt}, {@code claims}, and a request object
 * when sent. Every answer at the redirect URI carries {@code state} and {@code iss} (RFC 9207).
 *
 * <p>Who signs in: in {@link LoginMode#AUTOMATIC} the configured user, at once; in {@link LoginMode#USER_PICKER} the
 * one picked on a page. A browser keeps its sign-in (a cookie) for {@code prompt=none} and later requests, until
 * {@code prompt=login}, an exceeded {@code max_age} or another user is configured to sign in.
 */
final class AuthorizationEndpoint {

    static final String COOKIE = "signet-simulator-session";
    static final String PICK_PATH = "/simulator/pick";
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    private final String issuer;
    private final Behaviour behaviour;
    private final Grants grants;
    private final Map<String, Request> awaitingPick = new ConcurrentHashMap<>();

    AuthorizationEndpoint(String issuer, Behaviour behaviour, Grants grants) {
        this.issuer = issuer;
        this.behaviour = behaviour;
        this.grants = grants;
    }

    void clear() {
        awaitingPick.clear();
    }

    /** A checked authorization request. */
    private record Request(SimulatedClient client, String redirectUri, Optional<String> state, Optional<String> nonce,
            String codeChallenge, List<String> scopes, Map<String, Object> claims, List<String> vectors,
            Optional<Duration> maxAge, Set<String> prompt) {
    }

    /** The request cannot be answered at the redirect URI. */
    private static final class NotRedirectable extends Exception {
        NotRedirectable(String message) {
            super(message);
        }
    }

    /** The request is answered with an error at the redirect URI. */
    private static final class Refused extends Exception {
        final String error;

        Refused(String error, String description) {
            super(description);
            this.error = error;
        }
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> parameters;
        try {
            parameters = Http.requestParameters(exchange);
        } catch (Http.RepeatedParameterException e) {
            Http.page(exchange, 400, "The link from the service is wrong", "<p>" + Http.escape(e.getMessage())
                    + "</p>");
            return;
        }
        SimulatedClient client = behaviour.client(parameters.getOrDefault("client_id", "")).orElse(null);
        if (client == null) {
            Http.page(exchange, 400, "The link from the service is wrong", "<p>No service is registered with "
                    + "client_id " + Http.escape(String.valueOf(parameters.get("client_id")))
                    + ". Register it with the simulator first.</p>");
            return;
        }
        String redirectUri = parameters.get("redirect_uri");
        Optional<String> state = Optional.ofNullable(parameters.get("state"));
        try {
            if (parameters.containsKey("request")) {
                parameters = withRequestObject(client, parameters);
                redirectUri = parameters.get("redirect_uri");
                state = Optional.ofNullable(parameters.get("state"));
            }
        } catch (NotRedirectable e) {
            Http.page(exchange, 400, "The link from the service is wrong", "<p>" + Http.escape(e.getMessage())
                    + "</p>");
            return;
        } catch (Refused e) {
            if (registered(client, redirectUri)) {
                answerError(exchange, redirectUri, state, e.error, e.getMessage());
            } else {
                Http.page(exchange, 400, "The link from the service is wrong", "<p>" + Http.escape(e.getMessage())
                        + "</p>");
            }
            return;
        }
        if (!registered(client, redirectUri)) {
            Http.page(exchange, 400, "The link from the service is wrong", "<p>The redirect_uri "
                    + Http.escape(String.valueOf(redirectUri)) + " is not registered for " + Http.escape(
                    client.clientId()) + "; registered: " + Http.escape(client.redirectUris().toString()) + "</p>");
            return;
        }
        Request request;
        try {
            request = check(client, redirectUri, state, parameters);
        } catch (Refused e) {
            answerError(exchange, redirectUri, state, e.error, e.getMessage());
            return;
        }
        Optional<AuthorizationError> forced = behaviour.takeAuthorizationError();
        if (forced.isPresent()) {
            answerError(exchange, redirectUri, state, forced.get().code(), "Simulated error");
            return;
        }
        String achieved = behaviour.vot().orElse(VectorsOfTrust.weakest(request.vectors()));
        if (!VectorsOfTrust.meets(achieved, request.vectors())) {
            answerError(exchange, redirectUri, state, "unmet_authentication_requirements",
                    "The citizen can sign in only at " + achieved + ", not at " + request.vectors());
            return;
        }
        signIn(exchange, request, achieved);
    }

    private void signIn(HttpExchange exchange, Request request, String achieved) throws IOException {
        String cookie = cookie(exchange);
        Optional<Grants.Session> session = grants.session(cookie).filter(s -> fresh(s, request));
        if (request.prompt().contains("none")) {
            if (session.isEmpty()) {
                answerError(exchange, request.redirectUri(), request.state(), "login_required",
                        "The citizen is not signed in, or not recently or strongly enough");
            } else {
                answerCode(exchange, request, session.get(), null);
            }
            return;
        }
        if (behaviour.loginMode() == LoginMode.USER_PICKER) {
            if (session.isPresent()) {
                answerCode(exchange, request, session.get(), null);
            } else {
                showPicker(exchange, request, achieved);
            }
            return;
        }
        Optional<SimulatedUser> user = behaviour.signingInUser();
        if (user.isEmpty()) {
            Http.page(exchange, 500, "No users", "<p>The simulator has no users to sign in as. Add one.</p>");
            return;
        }
        if (session.isPresent() && session.get().subject().equals(user.get().subject())) {
            answerCode(exchange, request, session.get(), null);
            return;
        }
        startSessionAndAnswer(exchange, request, user.get().subject(), achieved);
    }

    /** Whether a session answers the request without a new sign-in. */
    private static boolean fresh(Grants.Session session, Request request) {
        if (request.prompt().contains("login")) {
            return false;
        }
        if (request.maxAge().isPresent()
                && session.authTime().plus(request.maxAge().get()).isBefore(Instant.now())) {
            return false;
        }
        return VectorsOfTrust.meets(session.vot(), request.vectors());
    }

    private void startSessionAndAnswer(HttpExchange exchange, Request request, String subject, String achieved)
            throws IOException {
        String cookie = grants.startSession(subject, achieved);
        answerCode(exchange, request, grants.session(cookie).orElseThrow(), cookie);
    }

    private void showPicker(HttpExchange exchange, Request request, String achieved) throws IOException {
        String transaction = Randoms.token();
        awaitingPick.put(transaction, request);
        StringBuilder body = new StringBuilder("<p>Signing in to <strong>")
                .append(Http.escape(request.client().clientId())).append("</strong> at level ")
                .append(Http.escape(achieved)).append(". Choose who signs in:</p>");
        for (SimulatedUser user : behaviour.users()) {
            body.append(pickForm(transaction, achieved, "subject", user.subject(), userLabel(user)));
        }
        body.append(pickForm(transaction, achieved, "cancel", "true", "Cancel (access_denied)"));
        Http.page(exchange, 200, "Sign in to the Signet simulator", body.toString());
    }

    private static String pickForm(String transaction, String achieved, String name, String value, String label) {
        return "<form method=\"post\" action=\"" + PICK_PATH + "\"><input type=\"hidden\" name=\"transaction\" value=\""
                + Http.escape(transaction) + "\"><input type=\"hidden\" name=\"vot\" value=\"" + Http.escape(achieved)
                + "\"><input type=\"hidden\" name=\"" + name + "\" value=\"" + Http.escape(value) + "\"><button>"
                + Http.escape(label) + "</button></form>";
    }

    private static String userLabel(SimulatedUser user) {
        String names = (user.givenName().orElse("") + " " + user.familyName().orElse("")).trim();
        String shown = names.isEmpty() ? user.email().orElse(user.subject()) : names + user.email()
                .map(email -> " (" + email + ")").orElse("");
        return shown + " - sub " + user.subject();
    }

    void pick(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Http.page(exchange, 405, "Not here", "<p>Choose a user on the sign-in page.</p>");
            return;
        }
        Map<String, String> form = Http.form(exchange);
        Request request = awaitingPick.remove(form.getOrDefault("transaction", ""));
        if (request == null) {
            Http.page(exchange, 400, "This sign-in has expired", "<p>Go back to the service and start again.</p>");
            return;
        }
        if (form.containsKey("cancel")) {
            answerError(exchange, request.redirectUri(), request.state(), "access_denied", "The citizen cancelled");
            return;
        }
        Optional<SimulatedUser> user = behaviour.user(form.getOrDefault("subject", ""));
        if (user.isEmpty()) {
            Http.page(exchange, 400, "Unknown user", "<p>Go back to the service and start again.</p>");
            return;
        }
        startSessionAndAnswer(exchange, request, user.get().subject(), form.getOrDefault("vot", "Cl.Cm"));
    }

    private void answerCode(HttpExchange exchange, Request request, Grants.Session session, String newCookie)
            throws IOException {
        session.clientIds().add(request.client().clientId());
        String code = grants.issueCode(new Grants.SignInGrant(request.client().clientId(), session.subject(),
                request.redirectUri(), request.codeChallenge(), request.nonce(), request.scopes(), request.claims(),
                session.vot(), session.authTime(), session.sessionId()));
        if (newCookie != null) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + newCookie + "; Path=/; HttpOnly; "
                    + "SameSite=Lax");
        }
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", code);
        request.state().ifPresent(value -> response.put("state", value));
        response.put("iss", issuer);
        Http.redirect(exchange, Http.withQuery(request.redirectUri(), response));
    }

    private void answerError(HttpExchange exchange, String redirectUri, Optional<String> state, String error,
            String description) throws IOException {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("error", error);
        response.put("error_description", description);
        state.ifPresent(value -> response.put("state", value));
        response.put("iss", issuer);
        Http.redirect(exchange, Http.withQuery(redirectUri, response));
    }

    private Request check(SimulatedClient client, String redirectUri, Optional<String> state,
            Map<String, String> parameters) throws Refused {
        if (!"code".equals(parameters.get("response_type"))) {
            throw new Refused("unsupported_response_type", "Only response_type=code is supported");
        }
        List<String> scopes = Arrays.asList(parameters.getOrDefault("scope", "").split(" "));
        if (!scopes.contains("openid")) {
            throw new Refused("invalid_scope", "The scope must include openid");
        }
        String nonce = parameters.get("nonce");
        if (nonce == null || nonce.isEmpty()) {
            throw new Refused("invalid_request", "nonce is required");
        }
        String challenge = parameters.get("code_challenge");
        if (challenge == null || challenge.isEmpty() || !"S256".equals(parameters.get("code_challenge_method"))) {
            throw new Refused("invalid_request", "PKCE is required, with code_challenge_method=S256");
        }
        List<String> vectors;
        try {
            vectors = VectorsOfTrust.parse(parameters.get("vtr"));
        } catch (IllegalArgumentException e) {
            throw new Refused("invalid_request", e.getMessage());
        }
        if (vectors.isEmpty()) {
            vectors = VectorsOfTrust.SIGNET_DEFAULT;
        }
        Optional<Duration> maxAge = Optional.empty();
        if (parameters.containsKey("max_age")) {
            try {
                long seconds = Long.parseLong(parameters.get("max_age"));
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                maxAge = Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                throw new Refused("invalid_request", "max_age must be a non-negative whole number");
            }
        }
        Set<String> prompt = parameters.containsKey("prompt")
                ? Set.of(parameters.get("prompt").split(" ")) : Set.of();
        if (!PROMPTS.containsAll(prompt) || (prompt.contains("none") && prompt.size() > 1)) {
            throw new Refused("invalid_request", "prompt must be none, or any of login, consent, select_account");
        }
        Map<String, Object> claims = Map.of();
        if (parameters.containsKey("claims")) {
            try {
                claims = JSONObjectUtils.parse(parameters.get("claims"));
            } catch (ParseException e) {
                throw new Refused("invalid_request", "claims must be a JSON object");
            }
        }
        if (parameters.containsKey("ui_locales") && parameters.get("ui_locales").isBlank()) {
            throw new Refused("invalid_request", "ui_locales must not be empty");
        }
        return new Request(client, redirectUri, state, Optional.of(nonce), challenge, scopes, claims, vectors, maxAge,
                prompt);
    }

    /** RFC 9101: the request object's parameters replace the query's. */
    private Map<String, String> withRequestObject(SimulatedClient client, Map<String, String> query)
            throws NotRedirectable, Refused {
        if (query.containsKey("request_uri")) {
            throw new Refused("request_uri_not_supported", "request_uri is not supported");
        }
        JWTClaimsSet claims = ClientKeys.verify(client, query.get("request")).orElseThrow(() -> new Refused(
                "invalid_request_object", "The request object is not signed with one of the client's keys"));
        if (!client.clientId().equals(claims.getIssuer())
                || !TokenIssuer.audience(claims).contains(issuer)) {
            throw new Refused("invalid_request_object", "The request object's iss must be the client id and its "
                    + "aud the issuer");
        }
        if (claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
            throw new Refused("invalid_request_object", "The request object has expired");
        }
        Map<String, String> merged = new LinkedHashMap<>(query);
        merged.remove("request");
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            if (Set.of("iss", "aud", "exp", "iat", "nbf", "jti").contains(claim.getKey())) {
                continue;
            }
            Object value = claim.getValue();
            merged.put(claim.getKey(), value instanceof String text ? text
                    : value instanceof Map<?, ?> map ? JSONObjectUtils.toJSONString(castMap(map))
                    : String.valueOf(value));
        }
        if (!client.clientId().equals(merged.get("client_id"))) {
            throw new NotRedirectable("The request object names another client");
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static boolean registered(SimulatedClient client, String redirectUri) {
        return redirectUri != null && client.redirectUris().stream().map(URI::toString)
                .anyMatch(redirectUri::equals);
    }

    static String cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                String[] nameValue = pair.trim().split("=", 2);
                if (nameValue.length == 2 && nameValue[0].equals(COOKIE)) {
                    return nameValue[1];
                }
            }
        }
        return null;
    }
}
