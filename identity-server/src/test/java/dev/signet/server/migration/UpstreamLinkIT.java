package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Link another old account" through a department's own OpenID Connect provider (mock-oauth2-server, started here):
 * away to the provider and back through the connector's one callback address, the linking purpose kept in the
 * signed-in session; and the old account held by another Signet account, which the citizen then joins.
 */
class UpstreamLinkIT extends JourneyIntegrationTest {

    private static final String ISSUER_ID = "department";
    /** Signet's issuer in the tests; the server itself listens on a random port (see {@link #backToSignet}). */
    private static final String SIGNET_ISSUER = "http://localhost:8080";
    private static final String PASSWORD = "the signet password of this account";
    private static final String OTHER_PASSWORD = "the signet password of the other account";
    private static MockOAuth2Server upstream;

    @Autowired
    private LinkedIdentityRepository links;

    @DynamicPropertySource
    static void departmentProvider(DynamicPropertyRegistry registry) {
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-upstream.yml");
        registry.add("test.upstream.issuer", () -> upstream().issuerUrl(ISSUER_ID).toString().replaceAll("/$", ""));
        registry.add("test.unreachable.issuer", () -> "http://localhost:1/" + ISSUER_ID);
    }

    private static synchronized MockOAuth2Server upstream() {
        if (upstream == null) {
            upstream = new MockOAuth2Server();
            upstream.start(InetAddress.getLoopbackAddress(), 0);
        }
        return upstream;
    }

    @Test
    void theAccountPageOffersTheUpstreamProviderAndLinksTheOldAccountItSignsIn() throws Exception {
        Account account = existingAccount(uniqueEmail("upstream-link"), PASSWORD, AccountStatus.ACTIVE);
        String subject = "customer-" + UUID.randomUUID();
        TestBrowser browser = signedIn(account.email(), PASSWORD);
        assertThat(browser.get("/account").body()).contains("href=\"/account/old-accounts\"");
        assertThat(browser.get("/account/old-accounts").body()).contains("Business tax account");

        TestBrowser.Page back = linkUpstream(browser, subject);

        assertThat(back.location()).endsWith("/account");
        assertThat(browser.follow(back).body()).contains("Your old account has been linked")
                .contains("Business tax account");
        LinkedIdentity link = links.find("department-idp", subject).orElseThrow();
        assertThat(link.accountId()).isEqualTo(account.id());
        assertThat(link.linkedBy()).isEqualTo(LinkMethod.SIGNED_IN.value());
        assertThat(accounts.findById(account.id()).orElseThrow().passwordHash()).as("the account keeps its password")
                .isPresent();
        assertThat(inbox().latestTo(account.email()).body()).contains("Your Business tax account is now part of");
    }

    @Test
    void theProvidersAnswerCountsOnlyInTheSessionThatWentThereAndOnlyOnce() throws Exception {
        Account account = existingAccount(uniqueEmail("upstream-bound"), PASSWORD, AccountStatus.ACTIVE);
        String subject = "customer-" + UUID.randomUUID();
        TestBrowser browser = signedIn(account.email(), PASSWORD);
        URI toUpstream = chooseUpstream(browser);
        upstream().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, Map.of(), 3600));
        String callback = backToSignet(upstreamAnswer(toUpstream));

        // Another browser (no session, or another citizen's) bringing the same answer links nothing.
        TestBrowser stranger = signedIn(existingAccount(uniqueEmail("stranger"), PASSWORD, AccountStatus.ACTIVE)
                .email(), PASSWORD);
        assertThat(stranger.get(callback).body()).contains("Your session has timed out");
        assertThat(browser().get(callback).body()).contains("Your session has timed out");
        assertThat(links.find("department-idp", subject)).isEmpty();

        assertThat(browser.get(callback).location()).endsWith("/account");
        assertThat(links.find("department-idp", subject).orElseThrow().accountId()).isEqualTo(account.id());
        assertThat(browser.get(callback).body()).as("a replayed answer").contains("Your session has timed out");
    }

    @Test
    void anUpstreamOldAccountHeldByAnotherAccountIsJoinedOnceThatAccountIsProven() throws Exception {
        Account account = existingAccount(uniqueEmail("upstream-kept"), PASSWORD, AccountStatus.ACTIVE);
        Account other = existingAccount(uniqueEmail("upstream-other"), OTHER_PASSWORD, AccountStatus.ACTIVE);
        String subject = "customer-" + UUID.randomUUID();
        links.link(LinkedIdentity.of(other.id(), "department-idp", subject, Instant.now(), LinkMethod.NEW_ACCOUNT,
                Optional.empty()));
        TestBrowser browser = signedIn(account.email(), PASSWORD);

        TestBrowser.Page back = linkUpstream(browser, subject);

        assertThat(back.location()).endsWith("/account/old-accounts/join");
        TestBrowser.Page offer = browser.get(back.location());
        assertThat(offer.body()).contains("Your Business tax account is part of another account with us");
        TestBrowser.Page joined = browser.submit(offer, "/account/old-accounts/join",
                Map.of("email", other.email(), "password", OTHER_PASSWORD));
        assertThat(joined.body()).contains("Your accounts have been joined");
        assertThat(links.find("department-idp", subject).orElseThrow().accountId()).isEqualTo(account.id());
        assertThat(accounts.findById(other.id()).orElseThrow().status()).isEqualTo(AccountStatus.MERGED);
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    private TestBrowser signedIn(String email, String password) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, password).location()).endsWith("/account");
        return browser;
    }

    /** Chooses the provider on "Link another old account", signs in there as {@code subject}; Signet's answer. */
    private TestBrowser.Page linkUpstream(TestBrowser browser, String subject) throws Exception {
        URI toUpstream = chooseUpstream(browser);
        upstream().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, Map.of(), 3600));
        return browser.get(backToSignet(upstreamAnswer(toUpstream)));
    }

    /** Where Signet sends the browser: the provider, told to come back to the connector's one callback address. */
    private URI chooseUpstream(TestBrowser browser) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/account/old-accounts"), "/account/old-accounts",
                Map.of("connector", "department-idp"));
        assertThat(chosen.status()).isEqualTo(302);
        URI location = URI.create(chosen.location());
        assertThat(location.toString()).startsWith(upstream().issuerUrl(ISSUER_ID).toString());
        assertThat(query(location)).containsEntry("redirect_uri",
                SIGNET_ISSUER + "/sign-in/old-account/callback/department-idp").containsKey("state");
        return location;
    }

    /** The provider signs the citizen in (no login page) and answers with a redirect to Signet's callback. */
    private String upstreamAnswer(URI toUpstream) throws Exception {
        TestBrowser.Page answer = browser().get(toUpstream.toString());
        assertThat(answer.status()).isEqualTo(302);
        return answer.location();
    }

    /** The callback names Signet's issuer; the test server listens on a random port behind it. */
    private String backToSignet(String callback) {
        assertThat(callback).startsWith(SIGNET_ISSUER + "/sign-in/old-account/callback/");
        return baseUrl() + callback.substring(SIGNET_ISSUER.length());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
