package dev.signet.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole browser-style sign-in for a relying party, as a person without JavaScript makes it: the authorization
 * request (code flow, PKCE S256, state, nonce) sends the browser to the provider's sign-in pages, which
 * {@link SignInPages} fills in; the redirect back to the relying party with a code; and the relying party's code
 * exchange with the verifier. Each sign-in is a new visit with no cookies.
 */
final class BrowserSignIn {

    private final HttpClient http;
    private final Provider provider;
    private final TokenClient client;
    private final URI redirectUri;
    private final String scope;
    private final Map<String, String> extraParameters;
    private final Users users;
    private final Duration timeout;
    private final AtomicLong nextUser = new AtomicLong();

    BrowserSignIn(HttpClient http, Provider provider, TokenClient client, URI redirectUri, String scope,
            Map<String, String> extraParameters, Users users, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.client = Objects.requireNonNull(client, "client");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.extraParameters = Map.copyOf(extraParameters);
        this.users = Objects.requireNonNull(users, "users");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Signs the next user in (round robin) and returns the token response. */
    Map<String, Object> signIn() throws IOException, InterruptedException, FlowFailure {
        Browser browser = new Browser(http, provider.authorizationEndpoint(), timeout);
        Pkce pkce = Pkce.create();
        String state = Pkce.randomToken();

        Map<String, String> authorization = new LinkedHashMap<>();
        authorization.put("response_type", "code");
        authorization.put("client_id", client.clientId());
        authorization.put("redirect_uri", redirectUri.toString());
        authorization.put("scope", scope);
        authorization.put("state", state);
        authorization.put("nonce", Pkce.randomToken());
        authorization.put("code_challenge", pkce.challenge());
        authorization.put("code_challenge_method", "S256");
        authorization.putAll(extraParameters);

        Browser.Landing firstPage = browser.get(URI.create(provider.authorizationEndpoint() + "?"
                + Browser.formBody(authorization)));
        long user = nextUser.getAndIncrement();
        Browser.Landing afterPassword = provider.signInPages().signIn(browser, firstPage, users.email(user),
                users.password());

        Map<String, String> response = authorizationResponse(afterPassword);
        if (response.containsKey("error")) {
            throw new FlowFailure("authorization response error=" + response.get("error"));
        }
        if (!state.equals(response.get("state"))) {
            throw new FlowFailure("authorization response with the wrong state");
        }
        String code = response.get("code");
        if (code == null) {
            throw new FlowFailure("authorization response without code");
        }
        Map<String, Object> tokens = client.authorizationCode(code, redirectUri, pkce.verifier());
        TokenClient.requireString(tokens, "access_token", "token response");
        if (scope.contains("openid")) {
            TokenClient.requireString(tokens, "id_token", "token response");
        }
        return tokens;
    }

    private Map<String, String> authorizationResponse(Browser.Landing landing) throws FlowFailure {
        if (!(landing instanceof Browser.LeftServer left) || !sameEndpoint(left.location(), redirectUri)) {
            throw new FlowFailure("expected a redirect to the relying party but got "
                    + SignInPages.describe(landing));
        }
        Map<String, String> parameters = new HashMap<>();
        String query = left.location().getRawQuery();
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

    private static boolean sameEndpoint(URI location, URI redirectUri) {
        return Objects.equals(location.getScheme(), redirectUri.getScheme())
                && Objects.equals(location.getHost(), redirectUri.getHost())
                && location.getPort() == redirectUri.getPort()
                && Objects.equals(location.getPath(), redirectUri.getPath());
    }
}
