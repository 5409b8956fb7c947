package dev.signet.server.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.core.testing.RedisTestServer;
import dev.signet.server.SignetApplication;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two identity-server instances (two whole Spring applications on their own ports in this JVM) sharing one real
 * redis-server and one real PostgreSQL database, as behind a load balancer: a citizen's requests and a relying party's
 * calls go to either, and one instance stops while a sign-in is under way. The instances are started once for the
 * class; the test that stops instance A runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;
    private static String a;
    private static String b;

    @BeforeAll
    static void startTwoInstances() {
        String database = PostgresTestServer.newEmptyDatabaseUrl();
        instanceA = start(database);
        instanceB = start(database);
        a = baseUrl(instanceA);
        b = baseUrl(instanceB);
    }

    @AfterAll
    static void stopInstances() {
        if (instanceA.isActive()) {
            instanceA.close();
        }
        instanceB.close();
    }

    private static ConfigurableApplicationContext start(String database) {
        // As command-line arguments: they outrank application.yml (builder properties are only defaults).
        return new SpringApplicationBuilder(SignetApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--signet.redis.url=" + RedisTestServer.uri(),
                // Three wrong passwords are free (the fourth is still checked); a wait follows, long enough that the
                // attempt after them is refused however slow this machine is.
                "--signet.protection.sign-in.account.free-attempts=3",
                "--signet.protection.sign-in.account.first-delay=1m");
    }

    private static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    @Test
    @Order(1)
    void aSignInStartedOnOneInstanceCompletesOnTheOther() throws Exception {
        String email = citizen();
        TestBrowser browser = new TestBrowser(a);

        TestBrowser.Page emailPage = browser.follow(browser.get(a + ServiceSignIn.authorizePath()));
        TestBrowser.Page toPassword = browser.submit(emailPage, a + "/sign-in", Map.of("email", email));
        TestBrowser.Page passwordPage = browser.get(on(b, toPassword.location()));
        assertThat(passwordPage.status()).isEqualTo(200);
        TestBrowser.Page signedIn = browser.submit(passwordPage, b + "/sign-in/password", Map.of("password", PASSWORD));
        assertThat(signedIn.location()).as(signedIn.toString()).contains("/oauth2/authorize");
        String code = SecretClient.code(browser.get(on(b, signedIn.location())));

        JsonNode tokens = SecretClient.exchange(a, code);
        assertThat(SecretClient.idToken(tokens).getSubject()).isNotBlank();
        assertThat(SecretClient.idToken(tokens).getAudience()).containsExactly(SecretClient.ID);
    }

    @Test
    @Order(2)
    void aRefreshTokenIssuedByOneInstanceWorksAtTheOtherAndRevokedThereIsRefusedHere() throws Exception {
        JsonNode tokens = ServiceSignIn.signIn(new TestBrowser(a), a, citizen(), PASSWORD);

        HttpResponse<String> refreshedAtB = ServiceSignIn.refresh(b, tokens.get("refresh_token").asString());
        assertThat(refreshedAtB.statusCode()).as(refreshedAtB.body()).isEqualTo(200);
        String rotated = ServiceSignIn.json(refreshedAtB).get("refresh_token").asString();

        assertThat(ServiceSignIn.revoke(b, rotated).statusCode()).isEqualTo(200);
        HttpResponse<String> refreshedAtA = ServiceSignIn.refresh(a, rotated);
        assertThat(refreshedAtA.statusCode()).isEqualTo(400);
        assertThat(ServiceSignIn.json(refreshedAtA).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(3)
    void wrongPasswordsAreCountedTogetherWhicheverInstanceTheyReach() throws Exception {
        String email = citizen();
        TestBrowser browser = new TestBrowser(a);
        TestBrowser.Page emailPage = browser.follow(browser.get(a + "/sign-in"));
        TestBrowser.Page page = browser.follow(browser.submit(emailPage, a + "/sign-in", Map.of("email", email)));

        // Four wrong passwords are answered (free-attempts=3: the delay comes after the fourth), alternately on A and B.
        for (int attempt = 1; attempt <= 4; attempt++) {
            String instance = attempt % 2 == 1 ? a : b;
            page = browser.submit(page, instance + "/sign-in/password", Map.of("password", "wrong " + attempt));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("The email address or password is not correct");
        }
        // Each instance has seen two of them, within its free attempts: only a shared count refuses the fifth.
        TestBrowser.Page fifth = browser.submit(page, b + "/sign-in/password", Map.of("password", PASSWORD));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.body()).contains("You have tried to sign in too many times");
    }

    @Test
    @Order(4)
    void bothInstancesPublishTheSameKeysAndEachKeyWasAddedOnce() throws Exception {
        assertThat(kids(a)).isNotEmpty().isEqualTo(kids(b));
        try (Connection connection = instanceA.getBean(DataSource.class).getConnection();
                Statement statement = connection.createStatement();
                ResultSet keys = statement.executeQuery("SELECT alg, count(*) FROM signing_key GROUP BY alg")) {
            Map<String, Long> keysPerAlgorithm = new HashMap<>();
            while (keys.next()) {
                keysPerAlgorithm.put(keys.getString(1), keys.getLong(2));
            }
            assertThat(keysPerAlgorithm).isNotEmpty().allSatisfy((alg, count) -> assertThat(count).as(alg).isOne());
        }
    }

    @Test
    @Order(5)
    void signingOutOnOneInstanceEndsTheSessionOnTheOtherAtOnce() throws Exception {
        TestBrowser browser = new TestBrowser(a);
        assertThat(browser.signIn(citizen(), PASSWORD).location()).endsWith("/account");
        assertThat(browser.get(a + "/account").status()).isEqualTo(200);
        // A page view at B within the last access write interval: B writes nothing, the session stays as A left it.
        assertThat(browser.get(b + "/account").status()).isEqualTo(200);
        String cookie = browser.cookie("signet-session").orElseThrow();

        TestBrowser.Page signedOut = browser.submit(browser.get(b + "/sign-out"), b + "/sign-out", Map.of());

        assertThat(signedOut.location()).endsWith("/signed-out");
        browser.addCookie("signet-session", cookie); // the ended session's cookie, presented again
        assertThat(browser.get(a + "/account").location()).as("A sees the session ended").endsWith("/sign-in");
    }

    @Test
    @Order(99)
    void whenAnInstanceStopsMidJourneyTheJourneyResumesOnTheOtherAndNothingIsLost() throws Exception {
        String email = citizen();
        JsonNode earlierTokens = ServiceSignIn.signIn(new TestBrowser(a), a, email, PASSWORD);
        TestBrowser browser = new TestBrowser(a);
        TestBrowser.Page emailPage = browser.follow(browser.get(a + ServiceSignIn.authorizePath()));
        TestBrowser.Page passwordPage = browser.follow(browser.submit(emailPage, a + "/sign-in",
                Map.of("email", email)));
        assertThat(passwordPage.body()).contains("name=\"password\"");

        instanceA.close();

        TestBrowser.Page signedIn = browser.submit(passwordPage, b + "/sign-in/password", Map.of("password", PASSWORD));
        assertThat(signedIn.location()).as(signedIn.toString()).contains("/oauth2/authorize");
        JsonNode tokens = SecretClient.exchange(b, SecretClient.code(browser.get(on(b, signedIn.location()))));
        assertThat(SecretClient.idToken(tokens).getSubject()).isEqualTo(SecretClient.idToken(earlierTokens).getSubject());
        // What A issued before it stopped is still good at B.
        HttpResponse<String> refreshed = ServiceSignIn.refresh(b, earlierTokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    private static String citizen() {
        String email = "instances-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Instant now = Instant.now();
        instanceB.getBean(AccountRepository.class).create(new Account(UUID.randomUUID(), email, true,
                Optional.of(instanceB.getBean(PasswordHasher.class).hash(PASSWORD)), AccountStatus.ACTIVE, now, now));
        return email;
    }

    /** The same path and query on another instance, as a load balancer would send the browser's next request. */
    private static String on(String instance, String location) {
        URI uri = URI.create(location);
        return instance + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Set<String> kids(String instance) throws Exception {
        HttpResponse<String> jwks = HTTP.send(HttpRequest.newBuilder(URI.create(instance + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JWKSet.parse(jwks.body()).getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }
}
