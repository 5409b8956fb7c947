package dev.signet.server.migration;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.account.Account;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import dev.signet.server.testing.keycloak.DepartmentRealm;
import dev.signet.server.testing.keycloak.KeycloakExtension;
import dev.signet.server.testing.keycloak.KeycloakLoginPage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code oidc} connector against a real Keycloak (docs/testing.md): a department's realm with a confidential
 * client for Signet (PKCE S256 required) and a citizen who has an account there. The citizen chooses "an account you
 * already have", signs in on Keycloak's own login page, comes back to Signet with a verified email and gets a Signet
 * account linked to their Keycloak identity (its {@code sub}); the second time the same Keycloak sign-in lands in that
 * account, and the service's own sign-in through Signet completes both times.
 */
class KeycloakSignInIT extends JourneyIntegrationTest {

    @RegisterExtension
    static final KeycloakExtension KEYCLOAK = new KeycloakExtension();

    /** Signet's issuer in the tests; the server itself listens on a random port (see {@link #backToSignet}). */
    private static final String SIGNET_ISSUER = "http://localhost:8080";
    private static final String CONNECTOR = "department-keycloak";
    private static final String CLIENT_SECRET = "keycloak-client-secret-" + UUID.randomUUID();
    private static DepartmentRealm realm;

    @Autowired
    private LinkedIdentityRepository links;

    @DynamicPropertySource
    static void departmentRealm(DynamicPropertyRegistry registry) {
        registry.add("signet.connectors.file", () -> "classpath:signet/test-connectors-keycloak.yml");
        registry.add("test.keycloak.issuer", () -> realm().issuer());
        registry.add("test.keycloak.client-secret", () -> CLIENT_SECRET);
    }

    private static synchronized DepartmentRealm realm() {
        if (realm == null) {
            realm = DepartmentRealm.create(KEYCLOAK.server(), "planning-sign-in", CLIENT_SECRET,
                    List.of(SIGNET_ISSUER + "/sign-in/old-account/callback/*"));
        }
        return realm;
    }

    @Test
    void aCitizenSignsInAtTheirKeycloakRealmGetsALinkedAccountThenLandsInItAgain() throws Exception {
        String email = uniqueEmail("keycloak");
        String password = "planning portal " + UUID.randomUUID();
        String keycloakId = realm().addUser("citizen-" + UUID.randomUUID(), email, true, password);
        TestBrowser browser = browser();

        assertThat(browser.get(authorize()).location()).endsWith("/sign-in");
        TestBrowser.Page back = signInAtKeycloak(browser, email, password);

        // Keycloak vouched for the address (email_verified): the account is made in one step, the service's goes on.
        assertThat(back.location()).contains("/oauth2/authorize").contains("client_id=" + SecretClient.ID);
        JWTClaimsSet first = idToken(exchange(baseUrl(), code(browser.get(back.location()))));
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.passwordHash()).as("Signet never sees the Keycloak password").isEmpty();
        LinkedIdentity link = links.find(CONNECTOR, keycloakId).orElseThrow();
        assertThat(link.accountId()).isEqualTo(account.id());
        assertThat(link.linkedBy()).isEqualTo(LinkMethod.NEW_ACCOUNT.value());

        // Later, in a new browser (no Signet or Keycloak session): the linked identity leads to the same account.
        TestBrowser later = browser();
        later.get(authorize());
        TestBrowser.Page again = signInAtKeycloak(later, email, password);
        assertThat(again.location()).contains("/oauth2/authorize");
        JWTClaimsSet second = idToken(exchange(baseUrl(), code(later.get(again.location()))));
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(links.findByAccount(account.id())).hasSize(1);
    }

    @Test
    void aWrongPasswordAtKeycloakNeverReachesSignet() throws Exception {
        String email = uniqueEmail("keycloak-wrong");
        String keycloakId = realm().addUser("citizen-" + UUID.randomUUID(), email, true, "the right one " + UUID
                .randomUUID());
        TestBrowser browser = browser();

        URI toKeycloak = chooseKeycloak(browser);
        KeycloakLoginPage.Answer refused = KeycloakLoginPage.open(toKeycloak.toString()).submit(email,
                "not the password");

        // Keycloak shows its page again with its own error; no code is issued, so nothing reaches Signet.
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Invalid username or password");
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(links.find(CONNECTOR, keycloakId)).isEmpty();
    }

    // --- Helpers ----------------------------------------------------------------------------------------------------

    /** Chooses the Keycloak realm's connector, signs in on Keycloak's page, and returns Signet's answer. */
    private TestBrowser.Page signInAtKeycloak(TestBrowser browser, String username, String password) throws Exception {
        URI toKeycloak = chooseKeycloak(browser);
        return browser.get(backToSignet(KeycloakLoginPage.signIn(toKeycloak.toString(), username, password)));
    }

    /** Chooses the old system; returns where Signet sends the browser: the realm's authorization endpoint. */
    private URI chooseKeycloak(TestBrowser browser) throws Exception {
        TestBrowser.Page chosen = browser.submit(browser.get("/sign-in/old-account"), "/sign-in/old-account",
                Map.of("connector", CONNECTOR));
        assertThat(chosen.status()).isEqualTo(302);
        URI location = URI.create(chosen.location());
        assertThat(location.toString()).startsWith(realm().issuer() + "/protocol/openid-connect/auth?");
        assertThat(location.getRawQuery()).contains("code_challenge_method=S256");
        return location;
    }

    /** Keycloak redirects to Signet's issuer; the test server listens on a random port behind it. */
    private String backToSignet(String callback) {
        assertThat(callback).startsWith(SIGNET_ISSUER + "/sign-in/old-account/callback/" + CONNECTOR + "?");
        return baseUrl() + callback.substring(SIGNET_ISSUER.length());
    }

    private static String authorize() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", SecretClient.ID);
        parameters.put("redirect_uri", SecretClient.CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        return "/oauth2/authorize?" + form(parameters);
    }
}
