package dev.signet.server.migration;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.account.Account;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.AuditEntries;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in with an old account held at a department's own OpenID Connect provider, over HTTP: Signet's old-account
 * journey with an {@code oidc} connector pointed at a real provider (mock-oauth2-server, started here, signing in
 * without a login page), then a service's own sign-in through Signet completing.
 */
class UpstreamSignInIT extends JourneyIntegrationTest {

    private static final String ISSUER_ID = "department";
    /** Signet's issuer in the tests; the server itself listens on a random port (see {@link #backToSignet}). */
    private static final String SIGNET_ISSUER = "http://localhost:8080";
    private static MockOAuth2Server upstream;

    @Autowired
    private LinkedIdentityRepository links;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private AuditLog auditLog;

    @DynamicPropertySource
    static void departmentProvider(DynamicPropertyRegistry registry) {
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-upstream.yml");
        registry.add("test.upstream.issuer", () -> upstream().issuerUrl(ISSUER_ID).toString().replaceAll("/$", ""));
        registry.add("test.unreachable.issuer", () -> "http://localhost:" + closedPort() + "/" + ISSUER_ID);
    }

    private static synchronized MockOAuth2Server upstream() {
        if (upstream == null) {
            upstream = new MockOAuth2Server();
            upstream.start(InetAddress.getLoopbackAddress(), 0);
        }
        return upstream;
    }

    @Test
    void theChoicePageOffersTheUpstreamProviderBesidePasswordSystems() throws Exception {
        TestBrowser.Page choose = browser().get("/sign-in/old-account");
        assertThat(choose.body()).contains("Which account do you already have?").contains("Business tax account")
                .contains("Old licensing account");
        assertThat(browser().acceptLanguage("cy").get("/sign-in/old-account").body()).contains("Cyfrif treth busnes");
    }

    @Test
    void aNewCitizenGetsAnAccountWithTheVerifiedEmailThenLandsInItAgainAndTheServiceSignsThemIn() throws Exception {
        String subject = "customer-" + UUID.randomUUID();
        String email = uniqueEmail("upstream");
        double signInsBefore = counter("signet.migration.sign_ins", "department-idp", null, null);
        double linksBefore = counter("signet.migration.links", "department-idp", "method", "new_account");
        TestBrowser browser = browser();

        TestBrowser.Page start = browser.get(authorize());
        assertThat(start.location()).endsWith("/sign-in");
        TestBrowser.Page back = signInUpstream(browser, subject, Map.of("email", email, "email_verified", true));

        // The upstream vouched for the address: the account is made in one step and the service's sign-in goes on.
        assertThat(back.location()).contains("/oauth2/authorize").contains("client_id=" + SecretClient.ID);
        JWTClaimsSet first = idToken(exchange(baseUrl(), code(browser.get(back.location()))));
        assertThat(first.getStringClaim("vot")).isEqualTo("Cl");
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.passwordHash()).as("no password was seen, so none is carried over").isEmpty();
        LinkedIdentity link = links.find("department-idp", subject).orElseThrow();
        assertThat(link.accountId()).isEqualTo(account.id());
        assertThat(link.linkedBy()).isEqualTo(LinkMethod.NEW_ACCOUNT.value());
        assertThat(link.passwordFingerprint()).isEmpty();
        assertThat(counter("signet.migration.links", "department-idp", "method", "new_account"))
                .isEqualTo(linksBefore + 1);
        assertThat(inbox().latestTo(email).body()).contains("Your Business tax account is now part of your account");
        assertThat(AuditEntries.awaitTypes(auditLog, account.id(), 3)).containsExactly(
                AuditEventType.ACCOUNT_CREATED_BY_MIGRATION, AuditEventType.LEGACY_IDENTITY_LINKED,
                AuditEventType.SIGN_IN_SUCCEEDED);

        // A second time, in a new browser, the upstream identity is linked: straight into the same account.
        TestBrowser later = browser();
        later.get(authorize());
        TestBrowser.Page again = signInUpstream(later, subject, Map.of("email", email, "email_verified", true));
        assertThat(again.location()).contains("/oauth2/authorize");
        JWTClaimsSet second = idToken(exchange(baseUrl(), code(later.get(again.location()))));
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(accounts.findByEmail(email).orElseThrow().id()).isEqualTo(account.id());
        assertThat(counter("signet.migration.sign_ins", "department-idp", null, null)).isEqualTo(signInsBefore + 2);
        assertThat(counter("signet.migration.links", "department-idp", "method", "new_account"))
                .isEqualTo(linksBefore + 1);
    }

    @Test
    void anUnverifiedUpstreamEmailIsProvenWithACodeLikeAnyOther() throws Exception {
        String subject = "customer-" + UUID.randomUUID();
        String email = uniqueEmail("unverified-upstream");
        TestBrowser browser = browser();

        TestBrowser.Page back = signInUpstream(browser, subject, Map.of("email", email, "email_verified", false));

        assertThat(back.location()).endsWith("/sign-in/old-account/email");
        assertThat(browser.get(back.location()).body()).contains(email)
                .contains("This will be the email address of your account")
                .doesNotContain("the password of your old account");
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(links.find("department-idp", subject)).isEmpty();
    }

    @Test
    void aCitizenWhoCancelsAtTheUpstreamGetsAPlainMessageAndNothingIsLinked() throws Exception {
        double before = counter("signet.migration.failures", "department-idp", "reason", "invalid");
        Instant since = Instant.now().minusSeconds(1);
        TestBrowser browser = browser();
        URI toUpstream = chooseUpstream(browser, "department-idp");
        String state = query(toUpstream).get("state");

        // What the provider sends back when the citizen cancels or is refused (RFC 6749 section 4.1.2.1).
        TestBrowser.Page refused = browser.get("/sign-in/old-account/callback/department-idp?error=access_denied"
                + "&state=" + state);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("You did not finish signing in with your old account")
                .contains("Business tax account");
        assertThat(counter("signet.migration.failures", "department-idp", "reason", "invalid")).isEqualTo(before + 1);
        assertThat(AuditEntries.awaitAnonymousSignInFailure(auditLog, since, Map.of("step", "legacy_redirect",
                "outcome", "invalid_credentials", "connector", "department-idp"))).isTrue();
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedAndTheRealOneCannotBeReplayed() throws Exception {
        TestBrowser browser = browser();
        URI toUpstream = chooseUpstream(browser, "department-idp");

        TestBrowser.Page forged = browser.get("/sign-in/old-account/callback/department-idp?code=stolen&state=other");
        assertThat(forged.body()).contains("You did not finish signing in with your old account");

        // The sign-in under way ended with the forged answer: the real one, arriving later, is not even redeemed.
        double signInsBefore = counter("signet.migration.sign_ins", "department-idp", null, null);
        TestBrowser.Page late = browser.get(backToSignet(upstreamAnswer(toUpstream)));
        assertThat(late.body()).contains("Your session has timed out").contains("Start again");
        assertThat(counter("signet.migration.sign_ins", "department-idp", null, null)).isEqualTo(signInsBefore);
    }

    @Test
    void anUpstreamThatDoesNotAnswerGetsThePlainUnavailablePage() throws Exception {
        double before = counter("signet.migration.failures", "gone-idp", "reason", "unavailable");
        TestBrowser browser = browser();

        TestBrowser.Page page = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", "gone-idp"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sorry, we cannot check your old account right now")
                .contains("The Old licensing account system is not answering");
        assertThat(counter("signet.migration.failures", "gone-idp", "reason", "unavailable")).isEqualTo(before + 1);
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    /** Chooses the upstream provider, signs in there as {@code subject}, and returns Signet's answer to the callback. */
    private TestBrowser.Page signInUpstream(TestBrowser browser, String subject, Map<String, Object> claims)
            throws Exception {
        URI toUpstream = chooseUpstream(browser, "department-idp");
        // mock-oauth2-server answers the next token request with these; one is queued only when a code will be redeemed.
        upstream().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
        return browser.get(backToSignet(upstreamAnswer(toUpstream)));
    }

    /** Chooses the old system; returns where Signet sends the browser (the provider's authorization endpoint). */
    private URI chooseUpstream(TestBrowser browser, String connectorId) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", connectorId));
        assertThat(chosen.status()).isEqualTo(302);
        URI location = URI.create(chosen.location());
        assertThat(location.toString()).startsWith(upstream().issuerUrl(ISSUER_ID).toString());
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("redirect_uri", SIGNET_ISSUER + "/sign-in/old-account/callback/" + connectorId)
                .containsEntry("code_challenge_method", "S256").containsKey("state");
        return location;
    }

    /** The provider signs the citizen in (no login page) and answers with a redirect to Signet's callback. */
    private String upstreamAnswer(URI toUpstream) throws Exception {
        TestBrowser.Page answer = browser().get(toUpstream.toString());
        assertThat(answer.status()).isEqualTo(302);
        return answer.location();
    }

    /**
     * The callback address names Signet's issuer; the test server listens on a random port behind it, as a server
     * behind a reverse proxy does.
     */
    private String backToSignet(String callback) {
        assertThat(callback).startsWith(SIGNET_ISSUER + "/sign-in/old-account/callback/");
        return baseUrl() + callback.substring(SIGNET_ISSUER.length());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                    parts.length < 2 ? "" : java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String authorize() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SecretClient.ID);
        parameters.put("redirect_uri", SecretClient.CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        // A password-level sign-in: the old account stands for the citizen's first factor, as in LegacySignInIT.
        parameters.put("vtr", "[\"Cl\"]");
        return "/oauth2/authorize?" + form(parameters);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double counter(String name, String connector, String tag, String value) {
        var search = meters.find(name).tag("connector", connector);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
