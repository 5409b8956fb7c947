package dev.signet.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Security headers, cookies, inline-free templates and CSRF on every form, against the running server. */
class SecurityHeadersIT extends JourneyIntegrationTest {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesAndProtocolEndpointsCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/sign-in", "/.well-known/openid-configuration", "/oauth2/jwks", "/no-such-page")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow(
                    () -> new AssertionError("No CSP on " + path));
            assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'")
                    .contains("style-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: " + path).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sign-in"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("signet-session=")).findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie: " + response.headers().map()));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .as("plain-HTTP issuer: not Secure, not __Host-").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void noTemplateHasInlineScriptOrStyle() throws IOException {
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                assertThat(html).as(template.toString())
                        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                        .doesNotContainPattern("<style\\b")
                        .doesNotContainPattern("\\sstyle=")
                        .doesNotContainPattern("\\son[a-z]+=")
                        .doesNotContain("javascript:");
            }
        }
    }

    @Test
    void everyFormOnTheJourneysCarriesACsrfToken() throws Exception {
        String email = uniqueEmail("csrf");
        existingAccount(email, "csrf check password", AccountStatus.ACTIVE);
        TestBrowser browser = browser();
        List<String> pages = List.of("/sign-in", "/sign-up", "/reset-password");
        for (String path : pages) {
            assertEveryFormHasAToken(path, browser.get(path).body());
        }
        browser.submit(browser.get("/sign-in"), "/sign-in", Map.of("email", email));
        assertEveryFormHasAToken("/sign-in/password", browser.get("/sign-in/password").body());
        TestBrowser resetter = browser();
        resetter.submit(resetter.get("/reset-password"), "/reset-password", Map.of("email", email));
        assertEveryFormHasAToken("/reset-password/check-email", resetter.get("/reset-password/check-email").body());
        assertEveryFormHasAToken("/reset-password/resend-code", resetter.get("/reset-password/resend-code").body());
        TestBrowser signedIn = browser();
        signedIn.follow(signedIn.signIn(email, "csrf check password"));
        assertEveryFormHasAToken("/account", signedIn.get("/account").body());
        assertEveryFormHasAToken("/sign-out", signedIn.get("/sign-out").body());
    }

    @Test
    void aFormSentWithoutItsTokenIsRefused() throws Exception {
        TestBrowser browser = browser();
        browser.get("/sign-in");

        TestBrowser.Page forged = browser.post("/sign-in", Map.of("email", "someone@example.com"));

        assertThat(forged.status()).isEqualTo(403);
    }

    private static void assertEveryFormHasAToken(String path, String html) {
        Matcher forms = FORM.matcher(html);
        int count = 0;
        while (forms.find()) {
            count++;
            assertThat(forms.group(0)).as("form on " + path).contains("method=\"post\"")
                    .containsPattern("name=\"_csrf\"\\s+value=\"[^\"]+\"");
        }
        assertThat(count).as("forms on " + path).isPositive();
    }
}
