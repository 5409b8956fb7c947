package dev.signet.client;

import com.nimbusds.jose.JWSAlgorithm;
import dev.signet.client.internal.CachedResource;
import dev.signet.client.internal.ClientSigner;
import dev.signet.client.internal.HttpTransport;
import dev.signet.client.internal.IdTokenValidator;
import dev.signet.client.internal.JwksCache;
import dev.signet.client.internal.LogoutTokenValidator;
import dev.signet.client.internal.ProviderMetadata;
import dev.signet.client.internal.Randoms;
import dev.signet.client.internal.SecurityEventTokenValidator;
import dev.signet.client.internal.TokenClaims;
import dev.signet.client.internal.ValidationSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signs citizens in to your service with Signet, over OpenID Connect, with every check the protocol asks of a relying
 * party done for you.
 *
 * <h2>Setting up</h2>
 * Create one client when your service starts and share it: it is immutable and thread-safe, and it caches Signet's
 * discovery document and signing keys.
 * <pre>{@code
 * SignetClient signet = SignetClient.builder()
 *         .issuer("https://signet.example.gov.uk")
 *         .clientId("fishing-licence")
 *         .clientKey(ClientKey.fromJwk(secrets.get("signet-client-key")))
 *         .redirectUri(URI.create("https://fishing.example.gov.uk/auth/callback"))
 *         .postLogoutRedirectUri(URI.create("https://fishing.example.gov.uk/signed-out"))
 *         .scopes("openid", "email")
 *         .build();
 * }</pre>
 *
 * <h2>Signing a citizen in</h2>
 * <ol>
 *   <li>{@link #authorizationRequest(AuthorizationOptions)}: redirect the browser to its {@code uri()}, and keep its
 *       {@code pending()} part in the citizen's session.</li>
 *   <li>When the browser comes back to your redirect URI, {@link #completeSignIn(URI, PendingAuthorization)} checks
 *       the response, exchanges the code (authenticating with your {@link ClientKey}), validates the ID token and
 *       returns the {@link SignIn}. Start your own session for {@code signIn.subject()}.</li>
 * </ol>
 *
 * <h2>Afterwards</h2>
 * {@link #userInfo(String, String)} for current claims, {@link #refresh(String, IdToken)} for new tokens,
 * {@link #revoke(String, TokenTypeHint)} when you no longer need them, {@link #logoutUri(String, String)} to sign the
 * citizen out of Signet too, {@link #validateLogoutToken(String)} in your back-channel logout endpoint and
 * {@link #validateSecurityEventToken(String)} in your events endpoint.
 *
 * <h2>Errors</h2>
 * Every method throws subtypes of {@link SignetClientException}, unchecked; see there.
 */
public final class SignetClient {

    private static final Set<String> ASYMMETRIC = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512",
            "PS256", "PS384", "PS512");
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String issuer;
    private final String clientId;
    private final URI redirectUri;
    private final Optional<URI> postLogoutRedirectUri;
    private final Set<String> scopes;
    private final Clock clock;
    private final boolean signedRequestObjects;
    private final Duration requestObjectLifetime;
    private final HttpTransport http;
    private final CachedResource<ProviderMetadata> metadata;
    private final ClientSigner signer;
    private final IdTokenValidator idTokens;
    private final LogoutTokenValidator logoutTokens;
    private final SecurityEventTokenValidator securityEvents;

    private SignetClient(Builder builder) {
        this.issuer = builder.issuer;
        this.clientId = builder.clientId;
        this.redirectUri = builder.redirectUri;
        this.postLogoutRedirectUri = Optional.ofNullable(builder.postLogoutRedirectUri);
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.scopes));
        this.clock = builder.clock;
        this.signedRequestObjects = builder.signedRequestObjects;
        this.requestObjectLifetime = builder.requestObjectLifetime;
        HttpClient httpClient = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
                .connectTimeout(builder.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.http = new HttpTransport(httpClient, builder.timeout);
        Duration longest = Duration.ofHours(24);
        this.metadata = new CachedResource<>("Signet's discovery document",
                () -> ProviderMetadata.fetch(http, issuer, builder.defaultCacheLifetime, longest), clock,
                builder.refetchInterval, builder.outageGrace);
        JwksCache keys = new JwksCache(() -> metadata.get().jwksUri(), http, clock, builder.defaultCacheLifetime,
                longest, builder.refetchInterval, builder.outageGrace);
        Set<JWSAlgorithm> algorithms = builder.algorithms.stream().map(JWSAlgorithm::parse)
                .collect(Collectors.toUnmodifiableSet());
        ValidationSettings settings = new ValidationSettings(issuer, clientId, algorithms, builder.clockSkew, clock,
                keys);
        this.signer = new ClientSigner(builder.clientKey, clientId, issuer, clock);
        this.idTokens = new IdTokenValidator(settings);
        ReplayCache replays = builder.replayCache != null ? builder.replayCache : ReplayCache.inMemory();
        this.logoutTokens = new LogoutTokenValidator(settings, replays);
        this.securityEvents = new SecurityEventTokenValidator(settings, replays, builder.securityEventMaxAge);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The issuer this client trusts, e.g. {@code https://signet.example.gov.uk}. */
    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** An authorization request with the client's defaults; see {@link #authorizationRequest(AuthorizationOptions)}. */
    public AuthorizationRequest authorizationRequest() {
        return authorizationRequest(AuthorizationOptions.defaults());
    }

    /**
     * Starts a sign-in: a request for an authorization code with PKCE ({@code S256}), a fresh {@code state} and
     * {@code nonce}, and the given options. When the client was built with
     * {@link Builder#signedRequestObjects(boolean)}, the parameters travel inside a request object signed with the
     * client key (RFC 9101), so nobody can alter them on the way.
     *
     * <p>Send the browser to {@code uri()} (HTTP 302/303) and store {@code pending()} in the citizen's session.
     *
     * @throws ProviderUnavailableException when Signet's discovery document cannot be fetched
     */
    public AuthorizationRequest authorizationRequest(AuthorizationOptions options) {
        Objects.requireNonNull(options, "options");
        ProviderMetadata provider = metadata.get();
        String state = Randoms.token();
        String nonce = Randoms.token();
        String verifier = Randoms.token();
        URI redirect = options.redirectUri().orElse(redirectUri);
        Set<String> scope = new LinkedHashSet<>(scopes);
        scope.addAll(options.extraScopes());

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirect.toString());
        parameters.put("scope", String.join(" ", scope));
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        parameters.put("code_challenge", Randoms.s256(verifier));
        parameters.put("code_challenge_method", "S256");
        if (!options.vectorsOfTrust().isEmpty()) {
            parameters.put("vtr", options.vectorsOfTrust().stream().map(v -> "\"" + v + "\"")
                    .collect(Collectors.joining(",", "[", "]")));
        }
        if (!options.uiLocales().isEmpty()) {
            parameters.put("ui_locales", String.join(" ", options.uiLocales()));
        }
        options.maxAge().ifPresent(maxAge -> parameters.put("max_age", Long.toString(maxAge.toSeconds())));
        if (!options.prompt().isEmpty()) {
            parameters.put("prompt", String.join(" ", options.prompt()));
        }
        options.claims().ifPresent(claims -> parameters.put("claims", claims));
        options.loginHint().ifPresent(hint -> parameters.put("login_hint", hint));

        Map<String, String> query = parameters;
        if (signedRequestObjects) {
            // OpenID Connect Core §6.1: response_type, client_id and scope stay in the query too.
            query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", clientId);
            query.put("scope", parameters.get("scope"));
            query.put("request", signer.requestObject(parameters, requestObjectLifetime));
        }
        URI uri = withQuery(provider.authorizationEndpoint(), query);
        return new AuthorizationRequest(uri, new PendingAuthorization(state, nonce, verifier, redirect,
                options.vectorsOfTrust(), options.maxAge(), clock.instant()));
    }

    /**
     * Finishes a sign-in when the browser comes back to the redirect URI. Checks, in order: the {@code state} is the
     * pending request's; the response comes from this issuer ({@code iss}, RFC 9207); it is not an error; then
     * exchanges the code with PKCE and {@code private_key_jwt} and validates the ID token completely (signature,
     * {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat}, {@code nonce}, {@code at_hash}, {@code vot}
     * against the requested {@code vtr}, {@code auth_time} against {@code max_age}).
     *
     * <p>Remove the pending authorization from the session before calling this, whatever the outcome: a code can be
     * used only once.
     *
     * @param callback the full URI the browser requested, with its query
     * @throws AuthorizationResponseException when the response is an error or not for this request
     * @throws TokenValidationException when the ID token is refused
     * @throws ProviderErrorException when the code is refused ({@code invalid_grant}: expired or used)
     * @throws ProviderUnavailableException when Signet cannot be reached
     */
    public SignIn completeSignIn(URI callback, PendingAuthorization pending) {
        Objects.requireNonNull(callback, "callback");
        return completeSignIn(parseQuery(callback.getRawQuery()), pending);
    }

    /** As {@link #completeSignIn(URI, PendingAuthorization)}, with the callback's query parameters already read. */
    public SignIn completeSignIn(Map<String, String> parameters, PendingAuthorization pending) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(pending, "pending");
        String state = parameters.get("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new StateMismatchException(state == null ? "The authorization response has no state"
                    : "The authorization response's state is not the pending request's");
        }
        ProviderMetadata provider = metadata.get();
        String responseIssuer = parameters.get("iss");
        if (responseIssuer == null && provider.issParameterSupported()) {
            throw new ResponseIssuerMismatchException("The authorization response has no iss, though Signet "
                    + "always sends it (RFC 9207)");
        }
        if (responseIssuer != null && !responseIssuer.equals(issuer)) {
            throw new ResponseIssuerMismatchException("The authorization response comes from " + responseIssuer
                    + ", not from " + issuer);
        }
        if (parameters.containsKey("error")) {
            throw new AuthorizationErrorException(parameters.get("error"), parameters.get("error_description"));
        }
        String code = parameters.get("code");
        if (code == null || code.isEmpty()) {
            throw new MalformedAuthorizationResponseException("The authorization response has neither code nor "
                    + "error");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.redirectUri().toString());
        form.put("code_verifier", pending.codeVerifier());
        Map<String, Object> response = tokenRequest(provider, form);
        String accessToken = accessToken(response);
        Object idTokenValue = response.get("id_token");
        if (!(idTokenValue instanceof String idTokenText)) {
            throw new ProviderErrorException("token endpoint", 200, null, "the token response has no id_token");
        }
        IdToken idToken = idTokens.validate(idTokenText, new IdTokenValidator.Expectations(
                Optional.of(pending.nonce()), Optional.of(accessToken), Optional.of(pending.vectorsOfTrust()),
                pending.maxAge(), Optional.empty()));
        return new SignIn(idToken, tokens(response, accessToken, Optional.of(idToken)));
    }

    /**
     * Uses a refresh token. Signet rotates refresh tokens: store the new one from the result before using the new
     * access token, and never send the old one again (a refresh token presented twice revokes the whole sign-in).
     * An ID token in the response is validated, without the sign-in's ID token to compare it with; prefer
     * {@link #refresh(String, IdToken)}.
     *
     * @throws ProviderErrorException {@code invalid_grant} when the refresh token is expired, revoked or reused: the
     *     citizen must sign in again
     */
    public Tokens refresh(String refreshToken) {
        return refresh(refreshToken, Optional.empty());
    }

    /**
     * As {@link #refresh(String)}, and a refreshed ID token must also name the same {@code sub} and
     * {@code auth_time} as {@code signInIdToken} (OpenID Connect Core §12.2).
     */
    public Tokens refresh(String refreshToken, IdToken signInIdToken) {
        return refresh(refreshToken, Optional.of(Objects.requireNonNull(signInIdToken, "signInIdToken")));
    }

    private Tokens refresh(String refreshToken, Optional<IdToken> previous) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        ProviderMetadata provider = metadata.get();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        Map<String, Object> response = tokenRequest(provider, form);
        String accessToken = accessToken(response);
        Optional<IdToken> idToken = Optional.empty();
        if (response.get("id_token") instanceof String idTokenText) {
            idToken = Optional.of(idTokens.validate(idTokenText, new IdTokenValidator.Expectations(Optional.empty(),
                    Optional.of(accessToken), Optional.empty(), Optional.empty(), previous)));
        }
        return tokens(response, accessToken, idToken);
    }

    /**
     * Revokes a token (RFC 7009), e.g. the refresh token when the citizen signs out of your service. Revoking a
     * refresh token also revokes the access token issued with it. An unknown or already revoked token is not an
     * error.
     */
    public void revoke(String token, TokenTypeHint hint) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hint, "hint");
        ProviderMetadata provider = metadata.get();
        URI endpoint = provider.revocationEndpoint().orElseThrow(() -> new ProviderErrorException(
                "discovery endpoint", 200, null, "Signet does not advertise a revocation_endpoint"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", hint.value());
        authenticate(form);
        HttpTransport.Response response = http.postForm("revocation endpoint", endpoint, form);
        if (!response.ok()) {
            throw HttpTransport.error("revocation endpoint", response);
        }
    }

    /**
     * Claims about the citizen as Signet holds them now (OpenID Connect Core §5.3). The response's {@code sub} must be
     * {@code expectedSubject}, the {@code sub} of the sign-in's ID token (§5.3.2), or it is refused.
     *
     * @throws SubjectMismatchException when the response is about someone else
     * @throws ProviderErrorException {@code invalid_token} when the access token is expired or revoked
     */
    public UserInfo userInfo(String accessToken, String expectedSubject) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expectedSubject, "expectedSubject");
        ProviderMetadata provider = metadata.get();
        URI endpoint = provider.userInfoEndpoint().orElseThrow(() -> new ProviderErrorException(
                "discovery endpoint", 200, null, "Signet does not advertise a userinfo_endpoint"));
        HttpTransport.Response response = http.get("userinfo endpoint", endpoint,
                Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json"));
        Map<String, Object> json = HttpTransport.jsonOrError("userinfo endpoint", response);
        if (!(json.get("sub") instanceof String subject)) {
            throw new ProviderErrorException("userinfo endpoint", response.status(), null,
                    "the userinfo response has no sub");
        }
        if (!subject.equals(expectedSubject)) {
            throw new SubjectMismatchException("The userinfo response is about another subject than the ID token");
        }
        return new UserInfo(subject, TokenClaims.freeze(json));
    }

    /** The logout URI without {@code state}; see {@link #logoutUri(String, String)}. */
    public URI logoutUri(String idTokenHint) {
        return logoutUri(idTokenHint, Optional.empty());
    }

    /**
     * Where to send the browser to sign the citizen out of Signet as well (OpenID Connect RP-Initiated Logout 1.0):
     * Signet's {@code end_session_endpoint} with the ID token of the sign-in as {@code id_token_hint}, this client's
     * id, the configured post-logout redirect URI (which must be registered), and {@code state}, which Signet sends
     * back to that URI. End your own session first.
     *
     * @param idTokenHint the ID token of the citizen's sign-in ({@link IdToken#value()})
     * @param state an unguessable value to check when the browser comes back
     */
    public URI logoutUri(String idTokenHint, String state) {
        return logoutUri(idTokenHint, Optional.of(Objects.requireNonNull(state, "state")));
    }

    private URI logoutUri(String idTokenHint, Optional<String> state) {
        Objects.requireNonNull(idTokenHint, "idTokenHint");
        ProviderMetadata provider = metadata.get();
        URI endpoint = provider.endSessionEndpoint().orElseThrow(() -> new ProviderErrorException(
                "discovery endpoint", 200, null, "Signet does not advertise an end_session_endpoint"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id_token_hint", idTokenHint);
        query.put("client_id", clientId);
        postLogoutRedirectUri.ifPresent(uri -> query.put("post_logout_redirect_uri", uri.toString()));
        state.ifPresent(value -> query.put("state", value));
        return withQuery(endpoint, query);
    }

    /**
     * Validates a logout token received at your back-channel logout endpoint (OpenID Connect Back-Channel Logout 1.0
     * §2.6), including the replay check of its {@code jti}. On success end the local sessions it names and answer
     * {@code 200}; on a {@link TokenValidationException} answer {@code 400} with
     * {@code {"error":"invalid_request"}}.
     *
     * @param logoutToken the {@code logout_token} form parameter of Signet's POST
     */
    public LogoutToken validateLogoutToken(String logoutToken) {
        return logoutTokens.validate(Objects.requireNonNull(logoutToken, "logoutToken"));
    }

    /**
     * Validates a Security Event Token (RFC 8417) pushed to your events endpoint (RFC 8935), including the replay
     * check of its {@code jti}. On success act on its events and answer {@code 202}; on a
     * {@link TokenValidationException} answer {@code 400} (RFC 8935 §2.3, {@code {"err":"invalid_request"}}).
     *
     * @param securityEventToken the request body ({@code application/secevent+jwt})
     */
    public SecurityEventToken validateSecurityEventToken(String securityEventToken) {
        return securityEvents.validate(Objects.requireNonNull(securityEventToken, "securityEventToken"));
    }

    private Map<String, Object> tokenRequest(ProviderMetadata provider, Map<String, String> form) {
        authenticate(form);
        HttpTransport.Response response = http.postForm("token endpoint", provider.tokenEndpoint(), form);
        return HttpTransport.jsonOrError("token endpoint", response);
    }

    private void authenticate(Map<String, String> form) {
        form.put("client_id", clientId);
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", signer.clientAssertion());
    }

    private static String accessToken(Map<String, Object> response) {
        if (!(response.get("access_token") instanceof String accessToken) || accessToken.isEmpty()) {
            throw new ProviderErrorException("token endpoint", 200, null, "the token response has no access_token");
        }
        if (!(response.get("token_type") instanceof String type) || !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new ProviderErrorException("token endpoint", 200, null,
                    "the token response's token_type is not Bearer");
        }
        return accessToken;
    }

    private Tokens tokens(Map<String, Object> response, String accessToken, Optional<IdToken> idToken) {
        Optional<Instant> expiresAt = response.get("expires_in") instanceof Number seconds
                ? Optional.of(clock.instant().plusSeconds(seconds.longValue())) : Optional.empty();
        Optional<String> refreshToken = response.get("refresh_token") instanceof String value
                ? Optional.of(value) : Optional.empty();
        Set<String> scope = response.get("scope") instanceof String value
                ? new LinkedHashSet<>(Arrays.asList(value.split(" "))) : scopes;
        return new Tokens(accessToken, expiresAt, refreshToken, idToken, scope);
    }

    private static URI withQuery(URI endpoint, Map<String, String> query) {
        String existing = endpoint.getRawQuery();
        String encoded = HttpTransport.formEncode(query);
        String base = endpoint.toString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        return URI.create(base + (existing == null ? "?" : "&") + encoded);
    }

    /** Query parameters; one that appears twice makes the response malformed (RFC 6749 §3.1). */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameValue = pair.split("=", 2);
            String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
            String value = nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
            if (parameters.put(name, value) != null) {
                throw new MalformedAuthorizationResponseException("The authorization response repeats " + name);
            }
        }
        return parameters;
    }

    /**
     * Builds a {@link SignetClient}. Required: {@link #issuer(String)}, {@link #clientId(String)},
     * {@link #clientKey(ClientKey)} and {@link #redirectUri(URI)}. Every setter checks its argument at once.
     */
    public static final class Builder {

        private String issuer;
        private String clientId;
        private ClientKey clientKey;
        private URI redirectUri;
        private URI postLogoutRedirectUri;
        private Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
        private Set<String> algorithms = new LinkedHashSet<>(List.of("ES256", "RS256"));
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(10);
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private boolean signedRequestObjects;
        private Duration requestObjectLifetime = Duration.ofMinutes(30);
        private Duration defaultCacheLifetime = Duration.ofMinutes(5);
        private Duration refetchInterval = Duration.ofSeconds(30);
        private Duration outageGrace = Duration.ofHours(1);
        private Duration securityEventMaxAge = Duration.ofDays(7);
        private ReplayCache replayCache;

        private Builder() {
        }

        /**
         * Signet's issuer identifier, exactly as in its discovery document, e.g.
         * {@code https://signet.example.gov.uk}. Must be {@code https}; plain {@code http} is accepted only for
         * {@code localhost} and {@code 127.0.0.1} (a Signet on your own machine).
         */
        public Builder issuer(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            URI uri;
            try {
                uri = new URI(issuer);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("issuer is not a URI: " + issuer);
            }
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (!("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))) {
                throw new IllegalArgumentException("issuer must be an https URL (http only for localhost): " + issuer);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("issuer must have no query or fragment: " + issuer);
            }
            this.issuer = issuer;
            return this;
        }

        /** The client id Signet's operators registered for your service. */
        public Builder clientId(String clientId) {
            Objects.requireNonNull(clientId, "clientId");
            if (clientId.isBlank()) {
                throw new IllegalArgumentException("clientId must not be blank");
            }
            this.clientId = clientId;
            return this;
        }

        /** Your service's private key; its public half is in your registration ({@code private_key_jwt}). */
        public Builder clientKey(ClientKey clientKey) {
            this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
            return this;
        }

        /** Where Signet sends the browser back; must be registered exactly. */
        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = absolute(redirectUri, "redirectUri");
            return this;
        }

        /** Where Signet sends the browser after signing out; must be registered exactly. Optional. */
        public Builder postLogoutRedirectUri(URI postLogoutRedirectUri) {
            this.postLogoutRedirectUri = absolute(postLogoutRedirectUri, "postLogoutRedirectUri");
            return this;
        }

        /** The scopes of every request; {@code openid} is always included. Default: {@code openid}. */
        public Builder scopes(String... scopes) {
            Set<String> chosen = new LinkedHashSet<>();
            chosen.add("openid");
            for (String scope : scopes) {
                if (scope == null || scope.isBlank() || scope.contains(" ")) {
                    throw new IllegalArgumentException("Not a scope: " + scope);
                }
                chosen.add(scope);
            }
            this.scopes = chosen;
            return this;
        }

        /**
         * The JWS algorithms accepted on Signet's tokens. Default {@code ES256} and {@code RS256} (Signet signs with
         * ES256, or RS256 for a client registered for it). Only asymmetric algorithms can be allowed.
         */
        public Builder allowedAlgorithms(String... algorithms) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String algorithm : algorithms) {
                if (!ASYMMETRIC.contains(algorithm)) {
                    throw new IllegalArgumentException("Not an allowed JWS algorithm: " + algorithm
                            + " (allowed: " + ASYMMETRIC + ")");
                }
                chosen.add(algorithm);
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("At least one algorithm must be allowed");
            }
            this.algorithms = chosen;
            return this;
        }

        /** How far your clock and Signet's may differ when checking {@code exp}, {@code iat}, {@code auth_time}. At
         * most 5 minutes; default 60 seconds. */
        public Builder clockSkew(Duration clockSkew) {
            Objects.requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /** The connect timeout and the time to wait for each answer from Signet. Default 10 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** Your own {@link HttpClient} (proxy, TLS settings). It should not follow redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The clock token times are checked against; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sends authorization requests as signed request objects (RFC 9101, by value). Default off. */
        public Builder signedRequestObjects(boolean signedRequestObjects) {
            this.signedRequestObjects = signedRequestObjects;
            return this;
        }

        /**
         * How long a signed request object stays valid. Signet reads it again after the citizen signs in, so allow
         * for that. Default 30 minutes.
         */
        public Builder requestObjectLifetime(Duration lifetime) {
            this.requestObjectLifetime = positive(lifetime, "requestObjectLifetime");
            return this;
        }

        /** How long discovery and JWKS responses stay fresh when they carry no {@code Cache-Control}. Default 5 min. */
        public Builder defaultCacheLifetime(Duration lifetime) {
            this.defaultCacheLifetime = positive(lifetime, "defaultCacheLifetime");
            return this;
        }

        /**
         * The least time between two fetches of the same document: the rate limit on refetching the JWKS for an
         * unknown {@code kid}, and on retrying during an outage. Default 30 seconds.
         */
        public Builder refetchInterval(Duration interval) {
            this.refetchInterval = positive(interval, "refetchInterval");
            return this;
        }

        /**
         * How long past their freshness cached discovery and keys are still used while Signet cannot be reached.
         * Default 1 hour; {@code Duration.ZERO} to never use stale copies.
         */
        public Builder outageGrace(Duration grace) {
            Objects.requireNonNull(grace, "grace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("outageGrace must not be negative");
            }
            this.outageGrace = grace;
            return this;
        }

        /** The oldest security event token without {@code exp} that is accepted. Default 7 days. */
        public Builder securityEventMaxAge(Duration maxAge) {
            this.securityEventMaxAge = positive(maxAge, "securityEventMaxAge");
            return this;
        }

        /** Where accepted logout and security event token ids are remembered. Default {@link ReplayCache#inMemory()}. */
        public Builder replayCache(ReplayCache replayCache) {
            this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
            return this;
        }

        /** @throws IllegalStateException naming the first required setting that is missing */
        public SignetClient build() {
            if (issuer == null) {
                throw new IllegalStateException("SignetClient needs issuer(...)");
            }
            if (clientId == null) {
                throw new IllegalStateException("SignetClient needs clientId(...)");
            }
            if (clientKey == null) {
                throw new IllegalStateException("SignetClient needs clientKey(...) (private_key_jwt)");
            }
            if (redirectUri == null) {
                throw new IllegalStateException("SignetClient needs redirectUri(...)");
            }
            return new SignetClient(this);
        }

        private static URI absolute(URI uri, String name) {
            Objects.requireNonNull(uri, name);
            if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(name + " must be absolute and have no fragment: " + uri);
            }
            return uri;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
