package dev.signet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.signet.client.ClientKey;
import dev.signet.simulator.SecurityEvents;
import dev.signet.simulator.SignetSimulatorExtension;
import dev.signet.simulator.SimulatedClient;
import dev.signet.simulator.SimulatedUser;
import dev.signet.spring.fishing.FishingLicenceApplication;

/**
 * The starter in a real service (Tomcat on a free port) against the simulator, driven by an HTTP client that follows
 * redirects and keeps cookies, as a browser does.
 */
@SpringBootTest(classes = { FishingLicenceApplication.class, MovableClock.class }, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInWithSignetTest {

    static final ClientKey KEY = ClientKey.generate("fishing-test");
    static final int PORT = freePort();
    static final String SERVICE = "http://127.0.0.1:" + PORT;

    @RegisterExtension
    static SignetSimulatorExtension signet = SignetSimulatorExtension.builder()
            .user(SimulatedUser.builder("citizen-1")
                    .email("margaret@example.org")
                    .legacySubject("vehicle-tax", "1004711")
                    .build())
            .client(SimulatedClient.builder("fishing-licence")
                    .jwks(KEY.publicJwkSet())
                    .redirectUri(SERVICE + "/signet/callback")
                    .postLogoutRedirectUri(SERVICE + "/signed-out")
                    .backChannelLogoutUri(SERVICE + SignetPaths.BACK_CHANNEL_LOGOUT)
                    .eventsUri(SERVICE + SignetPaths.EVENTS)
                    .build())
            .build();

    @DynamicPropertySource
    static void signetProperties(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("signet.client.issuer", signet::issuer);
        properties.add("signet.client.client-id", () -> "fishing-licence");
        properties.add("signet.client.private-key", KEY::privateJwk);
        properties.add("signet.client.scopes", () -> "openid,email,legacy_subjects");
        properties.add("signet.client.vtr", () -> "Cl.Cm");
        properties.add("signet.client.ui-locales", () -> "cy,en");
        properties.add("signet.client.post-logout-redirect-uri", () -> SERVICE + "/signed-out");
    }

    @Autowired
    FishingLicenceApplication.IdentityChanges identityChanges;
    @Autowired
    MovableClock clock;

    CookieManager cookies;
    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        identityChanges.received.clear();
        clock.reset();
    }

    @Test
    void visitingAProtectedPageSignsInWithSignetAndComesBackToIt() throws Exception {
        HttpResponse<String> page = get("/licence");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/licence"); // back where the citizen was going
        assertThat(page.body()).contains("\"sub\":\"citizen-1\"").contains("\"vot\":\"Cl.Cm\"")
                .contains("\"email\":\"margaret@example.org\"")
                .contains("\"legacySubjects\":[{\"connector\":\"vehicle-tax\",\"subject\":\"1004711\"}]");
    }

    @Test
    void theVtrIsSignetsCheckSoASignInBelowItIsRefused() throws Exception {
        signet.simulator().vot("Cl"); // this citizen has only a password; the service asks for Cl.Cm

        HttpResponse<String> page = get("/licence");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("You are not signed in").doesNotContain("Exception");
        assertThat(notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signet/login"));
    }

    @Test
    void aCallbackWithoutASignInInProgressIsRefusedPlainly() throws Exception {
        HttpResponse<String> page = get("/signet/callback?code=stolen&state=guessed");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("You are not signed in").contains("href=\"/signet/login\"");
    }

    @Test
    void aSignInStartedBeforeAnotherInTheSameSessionCanStillBeCompleted() throws Exception {
        URI first = startSignIn("/licence");
        URI second = startSignIn("/favicon.ico"); // e.g. the icon a browser fetches unprompted, sent to sign in too

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(first).build(),
                HttpResponse.BodyHandlers.ofString()); // Signet answers the first, and the browser follows

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/licence");
        assertThat(page.body()).contains("\"sub\":\"citizen-1\"");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void theLaterOfTwoSignInsCanBeCompletedToo() throws Exception {
        startSignIn("/licence");
        URI second = startSignIn("/licence");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(second).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"sub\":\"citizen-1\"");
    }

    @Test
    void aCallbackIsUsedOnceAndItsReplayIsRefusedPlainly() throws Exception {
        URI callback = signetAnswers(startSignIn("/licence"));
        HttpResponse<Void> signedIn = notFollowing().send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath())
                .isEqualTo("/licence");

        HttpResponse<String> replayed = browser.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("You are not signed in").contains("href=\"/signet/login\"");
    }

    @Test
    void aSignInNotCompletedInTimeIsRefusedPlainly() throws Exception {
        URI callback = signetAnswers(startSignIn("/licence"));
        clock.moveForward(Duration.ofMinutes(10).plusSeconds(1)); // signet.client.sign-in-time-limit, the default

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("You are not signed in").contains("href=\"/signet/login\"")
                .doesNotContain("Exception");
        assertThat(notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(302);
    }

    @Test
    void aSignInCompletedJustInTimeSucceeds() throws Exception {
        URI callback = signetAnswers(startSignIn("/licence"));
        clock.moveForward(Duration.ofMinutes(9));

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(callback).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"sub\":\"citizen-1\"");
    }

    @Test
    void backChannelLogoutFromSignetEndsTheLocalSession() throws Exception {
        assertThat(get("/licence").statusCode()).isEqualTo(200);

        int status = signet.simulator().sendBackChannelLogout("fishing-licence", "citizen-1");

        assertThat(status).isEqualTo(200);
        HttpResponse<Void> next = notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding());
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith(SignetPaths.LOGIN);
    }

    @Test
    void aBackChannelLogoutForAnotherSessionLeavesThisOneAlone() throws Exception {
        assertThat(get("/licence").statusCode()).isEqualTo(200);

        String token = signet.simulator().logoutTokenForSession("fishing-licence", "some-other-session");
        assertThat(signet.simulator().sendLogoutToken("fishing-licence", token)).isEqualTo(200);

        assertThat(notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aReplayedOrForgedLogoutTokenIsRefused() {
        String token = signet.simulator().logoutToken("fishing-licence", "citizen-1");

        assertThat(signet.simulator().sendLogoutToken("fishing-licence", token)).isEqualTo(200);
        assertThat(signet.simulator().sendLogoutToken("fishing-licence", token)).isEqualTo(400);
        assertThat(signet.simulator().sendLogoutToken("fishing-licence", "not-a-token")).isEqualTo(400);
    }

    @Test
    void signingOutEndsTheLocalAndTheSignetSession() throws Exception {
        assertThat(get("/licence").statusCode()).isEqualTo(200);
        String csrf = get("/csrf").body();

        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(URI.create(SERVICE + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.uri().toString()).isEqualTo(SERVICE + "/signed-out");
        assertThat(signedOut.body()).isEqualTo("You have signed out");
        assertThat(notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(302);
    }

    @Test
    void securityEventsReachTheServicesEventListeners() {
        int merged = signet.simulator().sendSecurityEvent("fishing-licence",
                SecurityEvents.accountMerged("citizen-old", "citizen-1"));
        int unlinked = signet.simulator().sendSecurityEvent("fishing-licence",
                SecurityEvents.legacyIdentityUnlinked("citizen-1", "vehicle-tax", "1004711"));

        assertThat(merged).isEqualTo(202);
        assertThat(unlinked).isEqualTo(202);
        assertThat(identityChanges.received).containsExactly("merged citizen-old -> citizen-1",
                "unlinked citizen-1 vehicle-tax/1004711");
    }

    @Test
    void aSecurityEventTokenThatDoesNotValidateIsRefusedAndNotPublished() throws Exception {
        String token = signet.simulator().securityEventToken("fishing-licence",
                SecurityEvents.accountMerged("citizen-old", "citizen-1"));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        HttpResponse<String> answer = notFollowing().send(HttpRequest.newBuilder(URI.create(SERVICE + SignetPaths.EVENTS))
                .header("Content-Type", "application/secevent+jwt").POST(HttpRequest.BodyPublishers.ofString(forged))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"err\":\"invalid_request\"");
        assertThat(identityChanges.received).isEmpty();
    }

    /**
     * An unauthenticated visit to {@code path}, followed to the service's sign-in; answers the address of the
     * authorization request at Signet, where the browser would go next.
     */
    private URI startSignIn(String path) throws IOException, InterruptedException {
        HttpResponse<Void> visit = notFollowing().send(request(path), HttpResponse.BodyHandlers.discarding());
        assertThat(visit.statusCode()).isEqualTo(302);
        URI login = visit.uri().resolve(visit.headers().firstValue("Location").orElseThrow());
        assertThat(login.getPath()).isEqualTo(SignetPaths.LOGIN);
        HttpResponse<Void> toSignet = notFollowing().send(HttpRequest.newBuilder(login).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(toSignet.statusCode()).isEqualTo(302);
        URI authorization = URI.create(toSignet.headers().firstValue("Location").orElseThrow());
        assertThat(authorization.toString()).startsWith(signet.issuer());
        return authorization;
    }

    /** Signet's answer to an authorization request: the callback the browser is sent to, with the code. */
    private URI signetAnswers(URI authorization) throws IOException, InterruptedException {
        HttpResponse<Void> answer = notFollowing().send(HttpRequest.newBuilder(authorization).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/signet/callback");
        return callback;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    /** The same browser (cookies), one step at a time. */
    private HttpClient notFollowing() {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(SERVICE + path)).GET().build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
