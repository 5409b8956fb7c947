package dev.signet.server.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.core.testing.RedisTestServer;
import dev.signet.server.testing.Inbox;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.ServerProcess;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Three identity-server instances, each a separate JVM started from the packaged jar, on loopback, sharing one real
 * PostgreSQL server and one real redis-server, as behind a load balancer that sends each request anywhere: a citizen's
 * sign-up and sign-in steps and the service's calls go to the instances in turn. Then one instance is killed with
 * SIGKILL in the middle of journeys (after the password step; after a code was issued, before it is exchanged): the
 * journeys finish on the others, and nothing is lost: the account, the session and the tokens stay valid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeparateProcessesIT {

    private static final String PASSWORD = "a long enough phrase";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final List<ServerProcess> instances = new ArrayList<>();
    private static Inbox inbox;

    @BeforeAll
    static void startThreeProcesses() throws Exception {
        String database = PostgresTestServer.newEmptyDatabaseUrl();
        Path dataDirectory = Files.createTempDirectory("signet-separate-processes");
        inbox = new Inbox(dataDirectory.resolve("outbox"));
        Path testClasses = ServerProcess.testClassesDirectory();
        List<String> arguments = List.of(
                // The test profile's settings (shared keys, salts, lenient per-address limits), with its classpath
                // files given as files: the packaged jar does not hold the test resources.
                "--spring.profiles.active=test",
                "--spring.config.additional-location=file:" + testClasses.resolve("application-test.yml"),
                "--signet.clients.file=file:" + testClasses.resolve("signet/test-relying-parties.yml"),
                "--signet.accounts.seed-file=file:" + testClasses.resolve("signet/test-accounts.json"),
                // One outbox for all, as one mail relay would be: the test reads the codes there.
                "--signet.data-directory=" + dataDirectory,
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--signet.redis.url=" + RedisTestServer.uri());
        for (String name : List.of("a", "b", "c")) {
            instances.add(ServerProcess.start(name, arguments));
        }
        for (ServerProcess instance : instances) {
            instance.awaitReady();
        }
    }

    @AfterAll
    static void stopProcesses() throws Exception {
        for (ServerProcess instance : instances) {
            instance.stop();
        }
    }

    @Test
    @Order(1)
    void signUpSignInAndTheServiceCallsCompleteWithEachStepOnAnotherProcess() throws Exception {
        for (int journey = 0; journey < 2; journey++) {
            // Each journey starts on another instance, and each step goes to the next one.
            int first = journey;
            String email = signUp(first);
            TestBrowser browser = new TestBrowser(at(first));
            TestBrowser.Page toSignIn = browser.get(at(first + 1) + ServiceSignIn.authorizePath());
            assertThat(toSignIn.location()).as(toSignIn.toString()).endsWith("/sign-in");
            TestBrowser.Page emailPage = browser.get(on(at(first + 2), toSignIn.location()));
            TestBrowser.Page toPassword = browser.submit(emailPage, at(first) + "/sign-in", Map.of("email", email));
            TestBrowser.Page passwordPage = browser.get(on(at(first + 1), toPassword.location()));
            TestBrowser.Page signedIn = browser.submit(passwordPage, at(first + 2) + "/sign-in/password",
                    Map.of("password", PASSWORD));
            assertThat(signedIn.location()).as(signedIn.toString()).contains("/oauth2/authorize");
            String code = SecretClient.code(browser.get(on(at(first), signedIn.location())));

            JsonNode tokens = SecretClient.exchange(at(first + 1), code);
            JWTClaimsSet idToken = verifiedIdToken(tokens, at(first + 2));
            assertThat(idToken.getAudience()).containsExactly(SecretClient.ID);
            assertThat(userinfo(at(first), tokens.get("access_token").asString()).path("sub").asString())
                    .isEqualTo(idToken.getSubject());
        }
    }

    @Test
    @Order(2)
    void anInstanceKilledMidJourneyLosesNothingAndTheJourneysFinishElsewhere() throws Exception {
        ServerProcess a = instances.get(0);
        String b = instances.get(1).baseUrl();
        String c = instances.get(2).baseUrl();
        String email = signUp(0);

        // Journey 1 is on A up to the password step; the service has not got its code yet.
        TestBrowser afterPassword = new TestBrowser(a.baseUrl());
        TestBrowser.Page toSignIn = afterPassword.get(a.baseUrl() + ServiceSignIn.authorizePath());
        TestBrowser.Page emailPage = afterPassword.get(on(a.baseUrl(), toSignIn.location()));
        TestBrowser.Page toPassword = afterPassword.submit(emailPage, a.baseUrl() + "/sign-in", Map.of("email", email));
        TestBrowser.Page passwordPage = afterPassword.get(on(a.baseUrl(), toPassword.location()));
        TestBrowser.Page signedIn = afterPassword.submit(passwordPage, a.baseUrl() + "/sign-in/password",
                Map.of("password", PASSWORD));
        assertThat(signedIn.location()).as(signedIn.toString()).contains("/oauth2/authorize");

        // Journey 2 got its code from A; the service has not exchanged it yet.
        TestBrowser codeIssued = new TestBrowser(a.baseUrl());
        String issuedByA = SecretClient.code(issueCode(codeIssued, a.baseUrl(), email));

        a.kill();
        assertThat(a.isAlive()).isFalse();

        // Journey 1 resumes on B: the session and the saved authorization request were in Redis.
        String code = SecretClient.code(afterPassword.get(on(b, signedIn.location())));
        JsonNode tokens = SecretClient.exchange(c, code);
        JWTClaimsSet idToken = verifiedIdToken(tokens, b);
        assertThat(userinfo(c, tokens.get("access_token").asString()).path("sub").asString())
                .isEqualTo(idToken.getSubject());
        HttpResponse<String> refreshed = ServiceSignIn.refresh(b, tokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        // The citizen is still signed in, on any instance.
        TestBrowser.Page account = afterPassword.get(c + "/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains(email);

        // Journey 2: the code A issued is exchanged at C, once.
        JsonNode tokens2 = SecretClient.exchange(c, issuedByA);
        assertThat(verifiedIdToken(tokens2, b).getSubject()).isEqualTo(idToken.getSubject());
        HttpResponse<String> replayed = ServiceSignIn.tokenRequest(b, Map.of("grant_type", "authorization_code",
                "code", issuedByA, "redirect_uri", SecretClient.CALLBACK));
        assertThat(replayed.statusCode()).isEqualTo(400);

        // The account is whole: a new sign-in with its password works on the instances left.
        JsonNode fresh = ServiceSignIn.signIn(new TestBrowser(b), b, email, PASSWORD);
        assertThat(verifiedIdToken(fresh, c).getSubject()).isEqualTo(idToken.getSubject());
    }

    /** Sign-up with the emailed code and a password, each step on the next instance from {@code first}. */
    private static String signUp(int first) throws Exception {
        String email = "processes-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestBrowser browser = new TestBrowser(at(first));
        TestBrowser.Page start = browser.get(at(first) + "/sign-up");
        TestBrowser.Page toCheckEmail = browser.submit(start, at(first) + "/sign-up", Map.of("email", email));
        assertThat(toCheckEmail.location()).as(toCheckEmail.toString()).endsWith("/sign-up/check-email");
        TestBrowser.Page checkEmail = browser.get(on(at(first + 1), toCheckEmail.location()));
        TestBrowser.Page toPassword = browser.submit(checkEmail, at(first + 1) + "/sign-up/check-email",
                Map.of("code", inbox.latestCodeTo(email)));
        assertThat(toPassword.location()).as(toPassword.toString()).endsWith("/sign-up/password");
        TestBrowser.Page passwordPage = browser.get(on(at(first + 2), toPassword.location()));
        TestBrowser.Page done = browser.submit(passwordPage, at(first + 2) + "/sign-up/password",
                Map.of("password", PASSWORD, "confirmPassword", PASSWORD));
        assertThat(done.location()).as(done.toString()).endsWith("/account");
        return email;
    }

    /** Authorization request, email and password, all on {@code instance}; returns the redirect with the code. */
    private static TestBrowser.Page issueCode(TestBrowser browser, String instance, String email) throws Exception {
        TestBrowser.Page toSignIn = browser.get(instance + ServiceSignIn.authorizePath());
        TestBrowser.Page emailPage = browser.get(on(instance, toSignIn.location()));
        TestBrowser.Page toPassword = browser.submit(emailPage, instance + "/sign-in", Map.of("email", email));
        TestBrowser.Page passwordPage = browser.get(on(instance, toPassword.location()));
        TestBrowser.Page signedIn = browser.submit(passwordPage, instance + "/sign-in/password",
                Map.of("password", PASSWORD));
        return browser.get(on(instance, signedIn.location()));
    }

    /** The ID token's claims after checking its signature with the JWKS {@code instance} publishes. */
    private static JWTClaimsSet verifiedIdToken(JsonNode tokens, String instance) throws Exception {
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        JWKSet keys = JWKSet.load(URI.create(instance + "/oauth2/jwks").toURL());
        JWK key = keys.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(key).as("key " + idToken.getHeader().getKeyID() + " published by " + instance).isNotNull();
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(idToken.getHeader(),
                ((AsymmetricJWK) key).toPublicKey());
        assertThat(idToken.verify(verifier)).isTrue();
        return idToken.getJWTClaimsSet();
    }

    private static JsonNode userinfo(String instance, String accessToken) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceSignIn.json(response);
    }

    /** The instance {@code index} places on, round the three (or those still running). */
    private static String at(int index) {
        List<ServerProcess> running = instances.stream().filter(ServerProcess::isAlive).toList();
        return running.get(Math.floorMod(index, running.size())).baseUrl();
    }

    /** A location an instance sent, on {@code instance} instead (the issuer names one address for all). */
    private static String on(String instance, String location) {
        URI uri = URI.create(location);
        return instance + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
