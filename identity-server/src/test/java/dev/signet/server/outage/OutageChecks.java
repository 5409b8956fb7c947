package dev.signet.server.outage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The steps and checks the outage tests share, whichever backing service they take away (PostgreSQL or Redis): a
 * citizen brought to the step that needs it, the answers people and clients get while it is away, and a whole sign-in
 * once it is back.
 */
final class OutageChecks {

    private OutageChecks() {
    }

    /** A citizen who asked a service to sign them in and gave their email: the password page. */
    static TestBrowser.Page atPasswordStep(TestBrowser browser, String email) throws Exception {
        TestBrowser.Page emailPage = browser.follow(browser.get(ServiceSignIn.authorizePath()));
        return browser.follow(browser.submit(emailPage, "/sign-in", Map.of("email", email)));
    }

    /** The citizen's password sent from {@code passwordPage}; returns the page that came back. */
    static TestBrowser.Page submitPassword(TestBrowser browser, TestBrowser.Page passwordPage, String password)
            throws Exception {
        return browser.submit(passwordPage, "/sign-in/password", Map.of("password", password));
    }

    /** The plain page for people, a 503, naming nothing of what failed (words in {@code neverShown}). */
    static void assertServiceUnavailablePage(TestBrowser.Page page, String... neverShown) {
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("Sorry, the service is unavailable");
        for (String word : neverShown) {
            assertThat(page.body()).doesNotContain(word);
        }
    }

    /** A token request gets a 503 with OAuth's {@code temporarily_unavailable}; returned for further checks. */
    static HttpResponse<String> assertTokenEndpointTemporarilyUnavailable(String baseUrl) throws Exception {
        HttpResponse<String> token = ServiceSignIn.tokenRequest(baseUrl, Map.of("grant_type", "authorization_code",
                "code", "any-code", "redirect_uri", "https://secret.test.example/callback"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(503);
        assertThat(ServiceSignIn.json(token).path("error").asString()).isEqualTo("temporarily_unavailable");
        return token;
    }

    /** Readiness turns 503 with {@code component} DOWN; returns its components for further checks. */
    static JsonNode assertNotReadyWith(String baseUrl, String component) throws Exception {
        HttpResponse<String> readiness = ServiceSignIn.awaitReadiness(baseUrl, 503);
        JsonNode components = ServiceSignIn.json(readiness).path("components");
        assertThat(components.path(component).path("status").asString()).isEqualTo("DOWN");
        return components;
    }

    /** Once the server is ready again, a whole sign-in with the service completes, with no restart. */
    static void assertSignInCompletesOnceReady(String baseUrl, String email, String password) throws Exception {
        ServiceSignIn.awaitReadiness(baseUrl, 200);
        JsonNode tokens = ServiceSignIn.signIn(new TestBrowser(baseUrl), baseUrl, email, password);
        assertThat(tokens.path("id_token").asString()).isNotBlank();
    }
}
