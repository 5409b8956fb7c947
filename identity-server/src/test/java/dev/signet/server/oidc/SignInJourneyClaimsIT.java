package dev.signet.server.oidc;

import static dev.signet.server.testing.SecretClient.code;
import static dev.signet.server.testing.SecretClient.exchange;
import static dev.signet.server.testing.SecretClient.form;
import static dev.signet.server.testing.SecretClient.idToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.oidc.claims.SubjectIdentifiers;
import dev.signet.server.testing.ServerIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.TestBrowser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same rules through the real sign-in pages, with sessions in the process (the embedded default): the citizen
 * signs in with email and password, a relying party asks for {@code max_age=0}, {@code prompt=none} and Welsh pages.
 */
class SignInJourneyClaimsIT extends ServerIntegrationTest {

    private static final String CLIENT = SecretClient.ID;
    private static final String CALLBACK = SecretClient.CALLBACK;
    private static final String PASSWORD = "correct horse battery staple " + UUID.randomUUID();

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    SubjectIdentifiers subjects;

    @Test
    void maxAgeZeroMakesASignedInCitizenSignInAgainThroughThePagesAndPromptNoneThenGetsACode() throws Exception {
        Account account = citizen();
        TestBrowser browser = new TestBrowser(baseUrl());

        TestBrowser.Page first = browser.get(authorize(Map.of()));
        assertThat(location(first)).endsWith("/sign-in");
        JWTClaimsSet firstToken = idToken(exchange(baseUrl(), code(signIn(browser, account))));
        assertThat(firstToken.getSubject()).isEqualTo(subjects.subjectFor(account.id(), CLIENT));
        assertThat(firstToken.getStringClaim("vot")).isEqualTo("Cl");

        // Signed in: a plain request gets its code without a page, and so does prompt=none.
        assertThat(code(browser.get(authorize(Map.of())))).isNotBlank();
        assertThat(code(browser.get(authorize(Map.of("prompt", "none"))))).isNotBlank();

        // max_age=0: the sign-in page again, then the code, with a later auth_time.
        Thread.sleep(1100); // auth_time has whole seconds: make the second sign-in visibly later
        TestBrowser.Page fresh = browser.get(authorize(Map.of("max_age", "0")));
        assertThat(location(fresh)).endsWith("/sign-in");
        TestBrowser.Page signedInAgain = browser.signIn(account.email(), PASSWORD);
        // The returning request must be recognised as the one answered, not judged by max_age=0 afresh: cross a
        // second boundary so that the new sign-in is already "older than 0 seconds" when it comes back.
        Thread.sleep(1100);
        JWTClaimsSet secondToken = idToken(exchange(baseUrl(), code(browser.get(signedInAgain.location()))));
        assertThat(secondToken.getDateClaim("auth_time")).isAfter(firstToken.getDateClaim("auth_time"));
        assertThat(secondToken.getSubject()).isEqualTo(firstToken.getSubject());
    }

    @Test
    void promptLoginThroughThePagesAsksOnceThenGivesTheCode() throws Exception {
        Account account = citizen();
        TestBrowser browser = new TestBrowser(baseUrl());
        assertThat(location(browser.get(authorize(Map.of())))).endsWith("/sign-in");
        code(signIn(browser, account));

        TestBrowser.Page again = browser.get(authorize(Map.of("prompt", "login")));
        assertThat(location(again)).endsWith("/sign-in");
        // The browser comes back to the request through the URL the request cache saved: one sign-in answers it.
        assertThat(code(signIn(browser, account))).isNotBlank();
    }

    @Test
    void uiLocalesCyShowsTheWelshSignInPage() throws Exception {
        TestBrowser browser = new TestBrowser(baseUrl());

        TestBrowser.Page redirect = browser.get(authorize(Map.of("ui_locales", "cy en")));
        TestBrowser.Page page = browser.follow(redirect);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"cy\"").contains("Mewngofnodi");

        // ui_locales outranks the browser's own language.
        TestBrowser welshBrowser = new TestBrowser(baseUrl()).acceptLanguage("cy");
        TestBrowser.Page english = welshBrowser.follow(welshBrowser.get(authorize(Map.of("ui_locales", "en-GB cy"))));
        assertThat(english.body()).contains("lang=\"en\"").doesNotContain("Mewngofnodi");
    }

    private Account citizen() {
        Instant now = Instant.now();
        return accounts.create(new Account(UUID.randomUUID(), "journey-claims-" + UUID.randomUUID() + "@example.gov.uk",
                true, Optional.of(hasher.hash(PASSWORD)), AccountStatus.ACTIVE, now, now));
    }

    /** From the sign-in page to the redirect back to the relying party. */
    private static TestBrowser.Page signIn(TestBrowser browser, Account account) throws Exception {
        TestBrowser.Page password = browser.signIn(account.email(), PASSWORD);
        assertThat(location(password)).contains("/oauth2/authorize");
        return browser.get(password.location());
    }

    private static String authorize(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", CLIENT);
        parameters.put("redirect_uri", CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-" + UUID.randomUUID());
        parameters.put("nonce", "nonce-" + UUID.randomUUID());
        parameters.put("vtr", "[\"Cl\"]");
        parameters.putAll(extra);
        return "/oauth2/authorize?" + form(parameters);
    }

    private static String location(TestBrowser.Page page) {
        return page.location() == null ? "" : page.location();
    }
}
