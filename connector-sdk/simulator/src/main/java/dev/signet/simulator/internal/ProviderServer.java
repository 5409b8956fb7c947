package dev.signet.simulator.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.signet.simulator.SecurityEvents;
import dev.signet.simulator.SimulatedClient;
import dev.signet.simulator.SimulatedUser;
import dev.signet.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator's HTTP side: Signet's endpoints at Signet's paths on one {@link HttpServer}, and the pushes
 * (back-channel logout, security events) a test asks for.
 */
public final class ProviderServer implements AutoCloseable {

    public static final String AUTHORIZE = "/oauth2/authorize";
    public static final String TOKEN = "/oauth2/token";
    public static final String JWKS = "/oauth2/jwks";
    public static final String USERINFO = "/userinfo";
    public static final String REVOKE = "/oauth2/revoke";
    public static final String END_SESSION = "/connect/logout";
    public static final String END_SESSION_CONFIRM = "/connect/logout/confirm";
    public static final String TRUSTMARK = "/trustmark";
    private static final Logger LOG = Logger.getLogger(ProviderServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuer;
    private final Behaviour behaviour;
    private final Grants grants = new Grants();
    private final TokenIssuer tokens;
    private final ClientAuthenticator authenticator;
    private final AuthorizationEndpoint authorization;
    private final TokenEndpoint tokenEndpoint;
    private final Notifier notifier = new Notifier();

    private final SimulatorSettings settings;

    private ProviderServer(HttpServer server, ExecutorService executor, String issuer, SimulatorSettings settings,
            Behaviour behaviour) {
        this.server = server;
        this.settings = settings;
        this.executor = executor;
        this.issuer = issuer;
        this.behaviour = behaviour;
        this.tokens = new TokenIssuer(issuer);
        this.authenticator = new ClientAuthenticator(issuer, issuer + TOKEN, behaviour::client);
        this.authorization = new AuthorizationEndpoint(issuer, behaviour, grants);
        this.tokenEndpoint = new TokenEndpoint(behaviour, grants, tokens, authenticator);
        route("/.well-known/openid-configuration", this::discovery);
        route(JWKS, this::jwks);
        route(TRUSTMARK, this::trustmark);
        route(AUTHORIZE, authorization::authorize);
        route(AuthorizationEndpoint.PICK_PATH, authorization::pick);
        route(TOKEN, tokenEndpoint::token);
        route(USERINFO, this::userInfo);
        route(REVOKE, this::revoke);
        route(END_SESSION, this::endSession);
        route(END_SESSION_CONFIRM, this::confirmEndSession);
        route(ControlEndpoint.PATH, new ControlEndpoint(behaviour, this::reset)::control);
    }

    /** Listens on the loopback interface for {@code localhost}/{@code 127.0.0.1}, else on every interface. */
    public static ProviderServer start(SimulatorSettings settings, Behaviour behaviour) {
        try {
            boolean local = List.of("localhost", "127.0.0.1", "::1", "[::1]").contains(settings.host());
            InetSocketAddress address = local
                    ? new InetSocketAddress(InetAddress.getByName(settings.host().replace("[", "").replace("]", "")),
                    settings.port())
                    : new InetSocketAddress(settings.port());
            HttpServer server = HttpServer.create(address, 0);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "signet-simulator-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            String issuer = "http://" + settings.host() + ":" + server.getAddress().getPort();
            ProviderServer provider = new ProviderServer(server, executor, issuer, settings, behaviour);
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator could not listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Back to the starting settings, forgetting sessions, codes, tokens and pending faults. */
    public void reset() {
        behaviour.reset(settings);
        grants.clear();
        authorization.clear();
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    Http.send(exchange, 404, "text/plain", "Not found");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The simulator failed to answer " + path, e);
                Http.send(exchange, 500, "text/plain", "The simulator failed: " + e.getClass().getSimpleName());
            } finally {
                exchange.close();
            }
        });
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + AUTHORIZE);
        metadata.put("token_endpoint", issuer + TOKEN);
        metadata.put("jwks_uri", issuer + JWKS);
        metadata.put("userinfo_endpoint", issuer + USERINFO);
        metadata.put("revocation_endpoint", issuer + REVOKE);
        metadata.put("end_session_endpoint", issuer + END_SESSION);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("subject_types_supported", List.of("pairwise", "public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("ES256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic"));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256", "ES384", "ES512", "RS256",
                "RS384", "RS512", "PS256", "PS384", "PS512"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("scopes_supported", List.of("openid", "email", "phone", "profile", "legacy_subjects"));
        metadata.put("claims_supported", List.of("sub", "email", "email_verified", "phone_number",
                "phone_number_verified", "given_name", "family_name", "legacy_subjects", "vot", "vtm", "sid",
                "auth_time"));
        metadata.put("claims_parameter_supported", true);
        metadata.put("request_parameter_supported", true);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("ui_locales_supported", List.of("en", "cy"));
        metadata.put("vtr_values_supported", List.of("Cl.Cm", "Cl"));
        metadata.put("trustmarks", issuer + TRUSTMARK);
        metadata.put("backchannel_logout_supported", true);
        metadata.put("backchannel_logout_session_supported", true);
        Http.json(exchange, 200, metadata);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=900");
        Http.send(exchange, 200, "application/jwk-set+json", tokens.jwks());
    }

    private void trustmark(HttpExchange exchange) throws IOException {
        Http.json(exchange, 200, Map.of("idp", issuer, "trustmark_provider", issuer, "C", List.of("Cl", "Cl.Cm")));
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<Grants.SignInGrant> grant = authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? grants.accessToken(authorization.substring(7).trim()) : Optional.empty();
        Optional<SimulatedUser> user = grant.flatMap(g -> behaviour.user(g.subject()));
        if (user.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\", "
                    + "error_description=\"The access token is unknown, expired or revoked\"");
            Http.send(exchange, 401, "text/plain", "");
            return;
        }
        Http.json(exchange, 200, UserClaims.userInfo(user.get(), grant.get()));
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form;
        try {
            form = Http.form(exchange);
        } catch (Http.RepeatedParameterException e) {
            Http.oauthError(exchange, 400, "invalid_request", e.getMessage());
            return;
        }
        Optional<SimulatedClient> client = authenticator.authenticate(exchange, form);
        if (client.isEmpty()) {
            Http.oauthError(exchange, 401, "invalid_client", "Client authentication failed");
            return;
        }
        if (form.get("token") == null) {
            Http.oauthError(exchange, 400, "invalid_request", "token is required");
            return;
        }
        grants.revoke(form.get("token"), client.get().clientId());
        Http.send(exchange, 200, "application/json", "");
    }

    /**
     * RP-initiated logout, as Signet checks it: an {@code id_token_hint} we issued, for the {@code client_id} if one
     * is given and for the browser's current session, and a registered {@code post_logout_redirect_uri} if one is
     * given. Then the session ends, every service that got tokens in it and has a back-channel logout URI is sent a
     * logout token (before the answer, so a test can check at once; Signet sends them from an outbox), and the browser
     * goes back with {@code state}. Otherwise nobody is redirected: a signed-in browser is asked to confirm, anyone
     * else sees the signed-out page.
     */
    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> parameters;
        try {
            parameters = Http.requestParameters(exchange);
        } catch (Http.RepeatedParameterException e) {
            Http.page(exchange, 400, "You have signed out", "<p>" + Http.escape(e.getMessage()) + "</p>");
            return;
        }
        String cookie = AuthorizationEndpoint.cookie(exchange);
        Optional<Grants.Session> current = grants.session(cookie);
        Optional<JWTClaimsSet> hint = Optional.ofNullable(parameters.get("id_token_hint"))
                .flatMap(tokens::ownIdToken)
                .filter(claims -> current.isEmpty() || current.get().sessionId().equals(claims.getClaim("sid")));
        Optional<SimulatedClient> client = hint.flatMap(claims -> TokenIssuer.audience(claims).stream().findFirst())
                .filter(clientId -> !parameters.containsKey("client_id")
                        || parameters.get("client_id").equals(clientId))
                .flatMap(behaviour::client);
        String postLogout = parameters.get("post_logout_redirect_uri");
        boolean registered = postLogout != null && client.isPresent() && client.get().postLogoutRedirectUris()
                .stream().map(URI::toString).anyMatch(postLogout::equals);
        if (client.isEmpty() || (postLogout != null && !registered)) {
            if (current.isPresent()) {
                Http.page(exchange, 200, "Do you want to sign out?", "<p>The service's sign-out request was not "
                        + "valid (unregistered post_logout_redirect_uri, or a missing or foreign id_token_hint)."
                        + "</p><form method=\"post\" action=\"" + END_SESSION_CONFIRM + "\"><button>Sign out"
                        + "</button></form>");
            } else {
                Http.page(exchange, 200, "You have signed out", "<p>You are not signed in to the Signet "
                        + "simulator.</p>");
            }
            return;
        }
        Optional<Grants.Session> ended = grants.endSession(cookie);
        if (ended.isEmpty() && hint.get().getClaim("sid") instanceof String sid) {
            ended = grants.endSessionWithId(sid);
        }
        ended.ifPresent(this::notifyServices);
        exchange.getResponseHeaders().add("Set-Cookie", AuthorizationEndpoint.COOKIE + "=; Path=/; Max-Age=0");
        if (registered) {
            Map<String, String> back = new LinkedHashMap<>();
            if (parameters.containsKey("state")) {
                back.put("state", parameters.get("state"));
            }
            Http.redirect(exchange, back.isEmpty() ? postLogout : Http.withQuery(postLogout, back));
            return;
        }
        Http.page(exchange, 200, "You have signed out", "<p>You have signed out of the Signet simulator.</p>");
    }

    /** The citizen confirmed signing out after an invalid request. */
    private void confirmEndSession(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Http.page(exchange, 405, "Not here", "<p>Sign out from the confirmation page.</p>");
            return;
        }
        grants.endSession(AuthorizationEndpoint.cookie(exchange)).ifPresent(this::notifyServices);
        exchange.getResponseHeaders().add("Set-Cookie", AuthorizationEndpoint.COOKIE + "=; Path=/; Max-Age=0");
        Http.page(exchange, 200, "You have signed out", "<p>You have signed out of the Signet simulator.</p>");
    }

    /** Back-channel logout to every service of the session that registered an endpoint. */
    private void notifyServices(Grants.Session session) {
        for (String clientId : session.clientIds()) {
            behaviour.client(clientId).flatMap(SimulatedClient::backChannelLogoutUri).ifPresent(uri -> {
                try {
                    notifier.postLogoutToken(uri, tokens.logoutToken(clientId, Optional.of(session.subject()),
                            Optional.of(session.sessionId())));
                } catch (RuntimeException e) {
                    LOG.log(Level.INFO, "Back-channel logout to " + clientId + " failed: " + e.getMessage());
                }
            });
        }
    }

    // pushes a test asks for

    public String logoutToken(String clientId, Optional<String> subject, Optional<String> sessionId) {
        requireClient(clientId);
        return tokens.logoutToken(clientId, subject, sessionId);
    }

    /** The sid of the subject's newest session, if they have one. */
    public Optional<String> sessionIdOf(String subject) {
        return grants.sessionOf(subject).map(Grants.Session::sessionId);
    }

    public int sendLogoutToken(String clientId, String logoutToken) {
        URI endpoint = requireClient(clientId).backChannelLogoutUri().orElseThrow(() -> new IllegalStateException(
                "Client " + clientId + " has no back-channel logout URI"));
        return notifier.postLogoutToken(endpoint, logoutToken);
    }

    public String securityEventToken(String clientId, SecurityEvents.Event event) {
        requireClient(clientId);
        return tokens.securityEventToken(clientId, event.type(), event.payload());
    }

    public int sendSecurityEventToken(String clientId, String token) {
        URI endpoint = requireClient(clientId).eventsUri().orElseThrow(() -> new IllegalStateException(
                "Client " + clientId + " has no events URI"));
        return notifier.pushSecurityEvent(endpoint, token);
    }

    private SimulatedClient requireClient(String clientId) {
        return behaviour.client(clientId).orElseThrow(() -> new IllegalArgumentException("No client " + clientId
                + " is registered with the simulator"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
