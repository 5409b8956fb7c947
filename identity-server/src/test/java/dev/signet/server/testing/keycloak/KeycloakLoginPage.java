package dev.signet.server.testing.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keycloak's own login page, filled in as a browser without JavaScript does: the page from the authorization request,
 * then its form posted with the username and password. Keycloak answers a good sign-in with the redirect to the
 * client's redirect URI (the authorization response).
 *
 * <p>Keeps Keycloak's cookies itself: Keycloak marks them {@code Secure} even over plain http, and browsers send such
 * cookies to a loopback address (a secure context), but {@link java.net.CookieManager} does not.
 */
public final class KeycloakLoginPage {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String body;

    /** What Keycloak answered: a redirect ({@code location}) or a page. */
    public record Answer(int status, String location, String body) {
    }

    private KeycloakLoginPage(String authorizationUrl) throws Exception {
        Answer page = send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET());
        if (page.status() != 200) {
            throw new AssertionError("Keycloak did not show its login page: HTTP " + page.status() + " "
                    + page.body());
        }
        this.body = page.body();
    }

    /** Keycloak's login page for the authorization request at {@code authorizationUrl}. */
    public static KeycloakLoginPage open(String authorizationUrl) throws Exception {
        return new KeycloakLoginPage(authorizationUrl);
    }

    /**
     * Opens the login page and signs in.
     *
     * @return the client's redirect URI with {@code code}, {@code state} and {@code iss}, as Keycloak sends it
     */
    public static String signIn(String authorizationUrl, String username, String password) throws Exception {
        Answer answer = open(authorizationUrl).submit(username, password);
        if (answer.status() != 302 || answer.location() == null) {
            throw new AssertionError("Keycloak did not accept the sign-in: HTTP " + answer.status() + " "
                    + answer.body());
        }
        return answer.location();
    }

    /** Posts the login form; returns Keycloak's answer as it is (a redirect, or the page again with an error). */
    public Answer submit(String username, String password) throws Exception {
        String form = Map.of("username", username, "password", password, "credentialId", "").entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(formAction()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "="
                    + cookie.getValue()).collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    private String formAction() {
        Matcher form = LOGIN_FORM.matcher(body);
        if (!form.find()) {
            throw new AssertionError("No login form (kc-form-login) on Keycloak's page:\n" + body);
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("Keycloak's login form has no action: " + form.group());
        }
        return action.group(1).replace("&amp;", "&");
    }
}
