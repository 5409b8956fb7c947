package dev.signet.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.signet.client.AuthorizationErrorException;
import dev.signet.client.AuthorizationOptions;
import dev.signet.client.AuthorizationRequest;
import dev.signet.client.ClientKey;
import dev.signet.client.LogoutToken;
import dev.signet.client.ProviderErrorException;
import dev.signet.client.SignIn;
import dev.signet.client.SignetClient;
import dev.signet.client.TokenReplayedException;
import dev.signet.client.TokenTypeHint;
import dev.signet.client.Tokens;
import dev.signet.client.UserInfo;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.testing.TestBrowser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signet's own relying-party client (connector-sdk/relying-party-client) against a running Signet, as a department's
 * service uses it: discovery, an authorization request with PKCE, {@code vtr} and {@code ui_locales}, sign-in
 * through Signet's pages, the code exchange with private_key_jwt and complete ID token validation, userinfo, a second
 * authorization as a signed request object with {@code max_age}, refresh with rotation, revocation, RP-initiated
 * logout, a real back-channel logout token (and its replay), and {@code prompt=none} answered with
 * {@code login_required} once signed out. The server runs on a fixed free port so that its issuer is the URL the
 * client calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class RelyingPartyClientIT {

    private static final int PORT = freePort();
    private static final String DATABASE_URL = PostgresTestServer.newEmptyDatabaseUrl();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final URI REDIRECT_URI = URI.create("https://fishing.test.example/auth/callback");
    private static final URI POST_LOGOUT_URI = URI.create("https://fishing.test.example/signed-out");
    private static final String PASSWORD = "relying party client passphrase";
    private static final BlockingQueue<String> LOGOUT_TOKENS = new LinkedBlockingQueue<>();
    private static HttpServer backChannelReceiver;

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;

    @DynamicPropertySource
    static void serverAtAKnownAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("signet.issuer", () -> ISSUER);
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @BeforeAll
    static void startBackChannelReceiver() throws IOException {
        backChannelReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backChannelReceiver.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("logout_token")) {
                    LOGOUT_TOKENS.add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        backChannelReceiver.start();
    }

    @AfterAll
    static void stopBackChannelReceiver() {
        backChannelReceiver.stop(0);
    }

    @Test
    void theClientCompletesEveryStepAgainstARunningSignet() throws Exception {
        // The service's key pair, made with the client library; only the public half is registered.
        ClientKey key = ClientKey.generate("fishing-2026-01");
        String clientId = "fishing-" + UUID.randomUUID();
        relyingParties.save(new RelyingParty(clientId, "Renew a fishing licence", List.of(REDIRECT_URI),
                List.of(POST_LOGOUT_URI), Optional.of(URI.create("http://127.0.0.1:"
                        + backChannelReceiver.getAddress().getPort() + "/backchannel-logout")),
                TokenEndpointAuthMethod.PRIVATE_KEY_JWT, Optional.of(key.publicJwkSet()), Optional.empty(),
                Optional.empty(), "fishing.test.example", SubjectType.PAIRWISE,
                Set.of("authorization_code", "refresh_token"), Set.of("openid", "email"), Set.of(),
                List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
        String email = "rp-client-" + UUID.randomUUID() + "@example.gov.uk";
        Instant now = Instant.now();
        UUID accountId = UUID.randomUUID();
        accounts.create(new Account(accountId, email, true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));
        SignetClient.Builder builder = SignetClient.builder()
                .issuer(ISSUER)
                .clientId(clientId)
                .clientKey(ClientKey.fromJwk(key.privateJwk()))
                .redirectUri(REDIRECT_URI)
                .postLogoutRedirectUri(POST_LOGOUT_URI)
                .scopes("openid", "email");
        SignetClient client = builder.build();

        // Sign-in: the service redirects, the citizen signs in on Signet's pages, the browser comes back.
        AuthorizationRequest request = client.authorizationRequest(AuthorizationOptions.builder()
                .vectorsOfTrust("Cl").uiLocales("en").build());
        TestBrowser browser = new TestBrowser(ISSUER);
        TestBrowser.Page toSignIn = browser.get(request.uri().toString());
        assertThat(toSignIn.location()).as("authorization request accepted").contains("/sign-in");
        TestBrowser.Page signedIn = browser.signIn(email, PASSWORD);
        URI callback = URI.create(browser.get(signedIn.location()).location());
        assertThat(callback.toString()).startsWith(REDIRECT_URI.toString());

        SignIn signIn = client.completeSignIn(callback, request.pending());
        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl");
        assertThat(signIn.idToken().sessionId()).isPresent();
        assertThat(signIn.idToken().authTime()).isPresent();
        assertThat(signIn.subject()).isNotEqualTo(accountId.toString());
        assertThat(signIn.tokens().refreshToken()).isPresent();

        UserInfo userInfo = client.userInfo(signIn.tokens().accessToken(), signIn.subject());
        assertThat(userInfo.email()).contains(email);
        assertThat(userInfo.emailVerified()).isTrue();

        // A second request, as a signed request object (RFC 9101) with max_age: the citizen is still signed in, so
        // the code comes straight back, for the same citizen and session.
        SignetClient signingRequests = builder.signedRequestObjects(true).build();
        AuthorizationRequest signedRequest = signingRequests.authorizationRequest(AuthorizationOptions.builder()
                .vectorsOfTrust("Cl").uiLocales("cy").maxAge(Duration.ofMinutes(10)).build());
        assertThat(signedRequest.uri().getRawQuery()).contains("request=").doesNotContain("nonce=");
        TestBrowser.Page straightBack = browser.get(signedRequest.uri().toString());
        assertThat(straightBack.location()).as("signed request object accepted").startsWith(REDIRECT_URI.toString());
        SignIn again = signingRequests.completeSignIn(URI.create(straightBack.location()), signedRequest.pending());
        assertThat(again.subject()).isEqualTo(signIn.subject());
        assertThat(again.idToken().sessionId()).isEqualTo(signIn.idToken().sessionId());
        assertThat(again.idToken().authTime()).isEqualTo(signIn.idToken().authTime());

        // Refresh rotates the refresh token and brings an ID token for the same citizen and sign-in.
        Tokens refreshed = client.refresh(signIn.tokens().refreshToken().orElseThrow(), signIn.idToken());
        assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(signIn.tokens().refreshToken());
        assertThat(refreshed.idToken()).hasValueSatisfying(id -> assertThat(id.subject()).isEqualTo(signIn.subject()));

        // Revocation of the rotated refresh token; using it afterwards is invalid_grant.
        String rotated = refreshed.refreshToken().orElseThrow();
        client.revoke(rotated, TokenTypeHint.REFRESH_TOKEN);
        assertThatThrownBy(() -> client.refresh(rotated)).isInstanceOfSatisfying(ProviderErrorException.class,
                e -> assertThat(e.error()).contains("invalid_grant"));

        // RP-initiated logout back to the registered URI with the state; then the back-channel logout token.
        URI logout = client.logoutUri(refreshed.idToken().orElseThrow().value(), "logout-state-1");
        TestBrowser.Page loggedOut = browser.get(logout.toString());
        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(loggedOut.location()).startsWith(POST_LOGOUT_URI.toString()).contains("state=logout-state-1");
        String logoutToken = LOGOUT_TOKENS.poll(30, TimeUnit.SECONDS);
        assertThat(logoutToken).as("back-channel logout token delivered").isNotNull();
        LogoutToken validated = client.validateLogoutToken(logoutToken);
        assertThat(validated.subject()).contains(signIn.subject());
        assertThat(validated.sessionId()).isEqualTo(signIn.idToken().sessionId());
        assertThatThrownBy(() -> client.validateLogoutToken(logoutToken)).isInstanceOf(TokenReplayedException.class);

        // Signed out: prompt=none comes back as login_required, which the client reports with its code.
        AuthorizationRequest silent = client.authorizationRequest(AuthorizationOptions.builder()
                .vectorsOfTrust("Cl").prompt("none").build());
        TestBrowser.Page silentAnswer = browser.get(silent.uri().toString());
        assertThat(silentAnswer.location()).startsWith(REDIRECT_URI.toString());
        assertThatThrownBy(() -> client.completeSignIn(URI.create(silentAnswer.location()), silent.pending()))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.error()).isEqualTo("login_required"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
