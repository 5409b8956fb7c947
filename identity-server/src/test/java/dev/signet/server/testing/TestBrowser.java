package dev.signet.server.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that fills in forms the way a browser without JavaScript does: it sends the CSRF token
 * of the page the form is on. Redirects are not followed automatically, so tests can see where they point.
 */
public final class TestBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** Where a page without forms gives its scripts the token (the passkey sections). */
    private static final Pattern SCRIPT_CSRF = Pattern.compile("data-csrf-token=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String acceptLanguage = "en";
    private String userAgent;

    public TestBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A response as the browser saw it. */
    public record Page(int status, String location, String body) {

        /** The CSRF token of the page's forms, or of its scripts when it has no form. */
        public String csrfToken() {
            Matcher matcher = CSRF.matcher(body);
            if (!matcher.find() && !(matcher = SCRIPT_CSRF.matcher(body)).find()) {
                throw new AssertionError("No CSRF token on the page:\n" + body);
            }
            return matcher.group(1);
        }

        /** The body with the per-session CSRF token blanked, for comparing two pages. */
        public String bodyWithoutCsrfToken() {
            return CSRF.matcher(body).replaceAll("name=\"_csrf\" value=\"\"");
        }
    }

    public TestBrowser acceptLanguage(String language) {
        this.acceptLanguage = language;
        return this;
    }

    /** The User-Agent header of every request from now on (the account page names sessions by it). */
    public TestBrowser userAgent(String header) {
        this.userAgent = header;
        return this;
    }

    /** Sets a cookie for the server, as if it had set it (for a session a test put in the session store itself). */
    public void addCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    public Page get(String pathOrUrl) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** Sends the form at {@code action} with the CSRF token of {@code page} (the page the form is on). */
    public Page submit(Page page, String action, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", page.csrfToken());
        return post(action, form);
    }

    public Page post(String action, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends JSON the way a page's script does: with the CSRF token of {@code page} (the page the script runs on) in
     * Spring Security's default header, and asking for JSON back.
     */
    public Page postJson(Page page, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (page != null) {
            request.header("X-CSRF-TOKEN", page.csrfToken());
        }
        return send(request, "application/json");
    }

    /** Email page then password page of sign-in; returns the response to the password form. */
    public Page signIn(String email, String password) throws IOException, InterruptedException {
        Page afterEmail = submit(get("/sign-in"), "/sign-in", Map.of("email", email));
        if (afterEmail.location() == null || !afterEmail.location().endsWith("/sign-in/password")) {
            throw new AssertionError("The email page did not lead to the password page: " + afterEmail);
        }
        return submit(follow(afterEmail), "/sign-in/password", Map.of("password", password));
    }

    /**
     * "Sign in with an account you already have": chooses the old system {@code connectorId}, then submits its login
     * name and password; returns the response to that form.
     */
    public Page signInWithOldAccount(String connectorId, String loginName, String password)
            throws IOException, InterruptedException {
        Page chosen = submit(get("/sign-in/old-account"), "/sign-in/old-account", Map.of("connector", connectorId));
        if (chosen.location() == null || !chosen.location().endsWith("/sign-in/old-account/sign-in")) {
            throw new AssertionError("Choosing " + connectorId + " did not lead to its sign-in form: " + chosen);
        }
        return submit(get(chosen.location()), "/sign-in/old-account/sign-in",
                Map.of("loginName", loginName, "password", password));
    }

    /** Follows redirects from {@code page} until a page that is not a redirect. */
    public Page follow(Page page) throws IOException, InterruptedException {
        Page current = page;
        for (int hops = 0; current.location() != null && hops < 10; hops++) {
            current = get(current.location());
        }
        return current;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Forgets every cookie, as when the session cookie has expired. */
    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request, "text/html");
    }

    private Page send(HttpRequest.Builder request, String accept) throws IOException, InterruptedException {
        request.header("Accept", accept).header("Accept-Language", acceptLanguage);
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
