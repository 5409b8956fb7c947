package dev.signet.bench.load;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The relying party's back channel: the token and introspection endpoints, authenticating as
 * {@link ClientAuthentication} says. Answers are parsed JSON objects; anything but 200 is a {@link FlowFailure} naming
 * the status and the OAuth {@code error} code.
 */
final class TokenClient {

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final URI introspectionEndpoint;
    private final ClientAuthentication authentication;
    private final Duration timeout;

    TokenClient(HttpClient http, Provider provider, ClientAuthentication authentication, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokenEndpoint = provider.tokenEndpoint();
        this.introspectionEndpoint = provider.introspectionEndpoint();
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    String clientId() {
        return authentication.clientId();
    }

    Map<String, Object> clientCredentials(String scope) throws IOException, InterruptedException, FlowFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
        return post(tokenEndpoint, "token", form);
    }

    Map<String, Object> authorizationCode(String code, URI redirectUri, String codeVerifier)
            throws IOException, InterruptedException, FlowFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        return post(tokenEndpoint, "token", form);
    }

    Map<String, Object> refresh(String refreshToken) throws IOException, InterruptedException, FlowFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(tokenEndpoint, "refresh", form);
    }

    /** @param tokenTypeHint RFC 7662 §2.1 {@code token_type_hint}, or null to send none */
    Map<String, Object> introspect(String token, String tokenTypeHint)
            throws IOException, InterruptedException, FlowFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        if (tokenTypeHint != null) {
            form.put("token_type_hint", tokenTypeHint);
        }
        return post(introspectionEndpoint, "introspect", form);
    }

    private Map<String, Object> post(URI endpoint, String what, Map<String, String> form)
            throws IOException, InterruptedException, FlowFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        authentication.apply(request, form, endpoint);
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(
                Browser.formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = parse(response.body());
        if (response.statusCode() != 200) {
            Object error = json.getOrDefault("error", "no error code");
            throw new FlowFailure(what + " endpoint answered " + response.statusCode() + " " + error);
        }
        return json;
    }

    private static Map<String, Object> parse(String body) {
        try {
            return body == null || body.isBlank() ? Map.of() : JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            return Map.of();
        }
    }

    static String requireString(Map<String, Object> json, String member, String what) throws FlowFailure {
        if (json.get(member) instanceof String value && !value.isEmpty()) {
            return value;
        }
        throw new FlowFailure(what + " without " + member);
    }
}
