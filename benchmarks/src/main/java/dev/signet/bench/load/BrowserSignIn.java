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
 * request (code flow, PKCE S256, state, nonce) sends the browser to {@code /sign-in}; the email form, then the password
 * form on {@code /sign-in/password}, each posted with the page's {@code _csrf} field; the redirect back through
 * {@code /oauth2/authorize} to the relying party with a code; and the relying party's code exchange with the
 * verifier. Each sign-in is a new visit with no cookies.
 */
final class BrowserSignIn {

    private final HttpClient http;
    private final URI origin;
    private final TokenClient client;
    private final URI redirectUri;
    private final String scope;
    private final Map<String, String> extraParameters;
    private final Users users;
    private final Duration timeout;
    private final AtomicLong nextUser = new AtomicLong();

    BrowserSignIn(HttpClient http, URI origin, TokenClient client, URI redirectUri, String scope,
            Map<String, String> extraParameters, Users users, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.client = Objects.requireNonNull(client, "client");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.extraParameters = Map.copyOf(extraParameters);
        this.users = Objects.requireNonNull(users, "users");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Signs the next user in (round robin) and returns the token response. */
    Map<String, Object> signIn() throws IOException, InterruptedException, FlowFailure {
        Browser browser = new Browser(http, origin, timeout);
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

        Browser.Page emailPage = page(browser.get(origin.resolve("/oauth2/authorize?"
                + Browser.formBody(authorization))), "/sign-in");
        Browser.Page passwordPage = page(browser.postForm(origin.resolve("/sign-in"),
                form(emailPage, "email", users.email(nextUser.getAndIncrement()))), "/sign-in/password");
        Browser.Landing afterPassword = browser.postForm(origin.resolve("/sign-in/password"),
                form(passwordPage, "password", users.password()));

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

    private static Map<String, String> form(Browser.Page page, String field, String value) throws FlowFailure {
        String csrf = HtmlForms.inputValue(page.body(), "_csrf")
                .orElseThrow(() -> new FlowFailure("no _csrf field on " + page.uri().getPath()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put(field, value);
        return form;
    }

    private static Browser.Page page(Browser.Landing landing, String path) throws FlowFailure {
        if (landing instanceof Browser.Page page && page.status() == 200 && path.equals(page.uri().getPath())) {
            return page;
        }
        throw new FlowFailure("expected the " + path + " page but got " + describe(landing));
    }

    private Map<String, String> authorizationResponse(Browser.Landing landing) throws FlowFailure {
        if (!(landing instanceof Browser.LeftServer left) || !sameEndpoint(left.location(), redirectUri)) {
            throw new FlowFailure("expected a redirect to the relying party but got " + describe(landing));
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

    /** Status and path only: query strings may carry codes. */
    private static String describe(Browser.Landing landing) {
        if (landing instanceof Browser.Page page) {
            return page.status() + " on " + page.uri().getPath();
        }
        URI location = ((Browser.LeftServer) landing).location();
        return "a redirect to " + location.getHost() + location.getPath();
    }
}
