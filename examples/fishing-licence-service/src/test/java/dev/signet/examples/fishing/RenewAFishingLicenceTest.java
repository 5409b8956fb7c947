package dev.signet.examples.fishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.client.ClientKey;
import dev.signet.simulator.SignetSimulatorExtension;
import dev.signet.simulator.SimulatedClient;
import dev.signet.simulator.SimulatedUser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service signs citizens in against the Signet simulator, as a department tests its own integration without a
 * running Signet: the service on a real Tomcat, and an HTTP client that follows redirects and keeps cookies, as a
 * browser does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RenewAFishingLicenceTest {

    static final ClientKey KEY = ClientKey.generate("fishing-licence-test");
    static final int PORT = freePort();
    /** 127.0.0.1 for the service and localhost for the simulator: the browser keeps their cookies apart. */
    static final String SERVICE = "http://127.0.0.1:" + PORT;

    @RegisterExtension
    static SignetSimulatorExtension signet = SignetSimulatorExtension.builder()
            .user(SimulatedUser.builder("angler-1")
                    .email("margaret.hughes@example.org")
                    .legacySubject("fishing-licences", "2000417")
                    .build())
            .client(SimulatedClient.builder("fishing-licence")
                    .jwks(KEY.publicJwkSet())
                    .redirectUri(SERVICE + "/signet/callback")
                    .postLogoutRedirectUri(SERVICE + "/signed-out")
                    .backChannelLogoutUri(SERVICE + "/signet/backchannel-logout")
                    .eventsUri(SERVICE + "/signet/events")
                    .build())
            .build();

    /** What the environment gives the service in production (application.yml). */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry properties) {
        properties.add("PORT", () -> PORT);
        properties.add("SERVICE_URL", () -> SERVICE);
        properties.add("SIGNET_ISSUER", signet::issuer);
        properties.add("SIGNET_CLIENT_KEY", KEY::privateJwk);
    }

    CookieManager cookies;
    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Test
    void theStartPageIsOpenToEveryone() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.uri().toString()).isEqualTo(SERVICE + "/");
        assertThat(page.body()).contains("<h1>Renew a fishing licence</h1>").contains("Start now");
    }

    @Test
    void staticFilesSuchAsTheIconAreOpenToEveryone() throws Exception {
        HttpResponse<Void> icon = notFollowing().send(request("/favicon.ico"), HttpResponse.BodyHandlers.discarding());

        assertThat(icon.statusCode()).isEqualTo(404);
    }

    @Test
    void aCitizenSignsInWithSignetAndSeesTheirClaimsVotAndOldAccount() throws Exception {
        HttpResponse<String> page = get("/licence");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/licence"); // back where the citizen was going
        assertThat(page.body()).contains("<h1>Your fishing licence</h1>")
                .contains("<strong id=\"email\">margaret.hughes@example.org</strong>")
                .contains("<li>fishing-licences: 2000417</li>")
                .contains("<dd id=\"subject\">angler-1</dd>")
                .contains("<dd id=\"vot\">Cl</dd>");
    }

    @Test
    void signetsBackChannelLogoutEndsTheServicesSession() throws Exception {
        assertThat(get("/licence").statusCode()).isEqualTo(200);

        assertThat(signet.simulator().sendBackChannelLogout("fishing-licence", "angler-1")).isEqualTo(200);

        HttpResponse<Void> next = notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding());
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/signet/login");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtSignet() throws Exception {
        String licence = get("/licence").body();

        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(URI.create(SERVICE + "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken(licence))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.uri().toString()).isEqualTo(SERVICE + "/signed-out");
        assertThat(signedOut.body()).contains("<h1>You have signed out</h1>");
        assertThat(notFollowing().send(request("/licence"), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(302);
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

    private static String csrfToken(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the sign-out form's CSRF token").isTrue();
        return token.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
