package dev.signet.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The "done when" of Signet core, checked by an independent OpenID Connect client library (the Nimbus OAuth 2.0 /
 * OpenID Connect SDK) as a department's service would use it: discovery, authorization code with PKCE and
 * private_key_jwt, full ID token validation, userinfo, refresh, introspection, revocation, RP-initiated logout and a
 * back-channel logout token. The server runs on a fixed free port so that its issuer is the URL the client calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class IndependentClientConformanceIT {

    private static final int PORT = freePort();
    private static final String DATABASE_URL = PostgresTestServer.newEmptyDatabaseUrl();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final URI REDIRECT_URI = URI.create("https://conformance.test.example/callback");
    private static final URI POST_LOGOUT_URI = URI.create("https://conformance.test.example/signed-out");
    private static final String PASSWORD = "conformance passphrase for signet";
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
    void anIndependentClientCompletesEveryStepOfTheCoreProtocol() throws Exception {
        // A department's service, registered with its own signing key and a back-channel logout receiver.
        ECKey clientKey = new ECKeyGenerator(Curve.P_256).keyID("conformance-1").generate();
        ClientID clientId = new ClientID("conformance-" + UUID.randomUUID());
        relyingParties.save(new RelyingParty(clientId.getValue(), "Conformance service", List.of(REDIRECT_URI),
                List.of(POST_LOGOUT_URI), Optional.of(URI.create("http://127.0.0.1:"
                        + backChannelReceiver.getAddress().getPort() + "/backchannel-logout")),
                TokenEndpointAuthMethod.PRIVATE_KEY_JWT, Optional.of(new JWKSet(clientKey.toPublicJWK()).toString()),
                Optional.empty(), Optional.empty(), "conformance.test.example", SubjectType.PAIRWISE,
                Set.of("authorization_code", "refresh_token"), Set.of("openid", "email"), Set.of(),
                List.of("Cl.Cm", "Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.ADMIN));
        String email = "conformance-" + UUID.randomUUID() + "@example.gov.uk";
        Instant now = Instant.now();
        accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));

        // Discovery, with the issuer check the library does.
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(ISSUER));
        assertThat(provider.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);

        // Authorization code with PKCE, signed in through Signet's own pages.
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        AuthenticationRequest authorization = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email"), clientId, REDIRECT_URI)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("vtr", "[\"Cl\"]")
                .build();
        TestBrowser browser = new TestBrowser(ISSUER);
        TestBrowser.Page toSignIn = browser.get(authorization.toURI().toString());
        assertThat(toSignIn.location()).contains("/sign-in");
        TestBrowser.Page signedIn = browser.signIn(email, PASSWORD);
        TestBrowser.Page toClient = browser.get(signedIn.location());
        URI callback = URI.create(toClient.location());
        AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
        assertThat(response.indicatesSuccess()).as("authorization response %s", callback).isTrue();
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        assertThat(success.getState()).isEqualTo(state);
        assertThat(success.getIssuer()).isEqualTo(new Issuer(ISSUER)); // RFC 9207
        AuthorizationCode code = success.getAuthorizationCode();

        // Code exchange with private_key_jwt (RFC 7523).
        OIDCTokenResponse tokens = (OIDCTokenResponse) succeeded(exchange(provider, clientId, clientKey,
                new AuthorizationCodeGrant(code, REDIRECT_URI, verifier)));
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        AccessToken accessToken = tokens.getOIDCTokens().getAccessToken();
        RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();
        assertThat(refreshToken).isNotNull();

        // Complete ID token validation: signature against JWKS, iss, aud, exp, iat, nonce; then at_hash and trust.
        IDTokenValidator validator = new IDTokenValidator(new Issuer(ISSUER), clientId, JWSAlgorithm.ES256,
                provider.getJWKSetURI().toURL());
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        assertThat(claims.getAccessTokenHash())
                .isEqualTo(AccessTokenHash.compute(accessToken, JWSAlgorithm.ES256, null));
        assertThat(claims.getAuthenticationTime()).isNotNull();
        assertThat(claims.getStringClaim("vot")).isEqualTo("Cl");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getSubject().getValue()).isNotEqualTo(accounts.findByEmail(email).orElseThrow().id()
                .toString());

        // Userinfo, with the same pairwise subject.
        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) accessToken).toHTTPRequest().send());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject()).isEqualTo(claims.getSubject());
        assertThat(userInfo.toSuccessResponse().getUserInfo().getEmailAddress()).isEqualTo(email);

        // Refresh rotates the refresh token (reuse of the old one is covered by TokenLifecycleIT) and brings a
        // new ID token for the same citizen and session, which the client keeps as its latest.
        OIDCTokenResponse refreshed = (OIDCTokenResponse) succeeded(exchange(provider, clientId, clientKey,
                new RefreshTokenGrant(refreshToken)));
        RefreshToken rotated = refreshed.getTokens().getRefreshToken();
        assertThat(rotated).isNotNull().isNotEqualTo(refreshToken);
        JWT latestIdToken = refreshed.getOIDCTokens().getIDToken();
        IDTokenClaimsSet latestClaims = validator.validate(latestIdToken, null);
        assertThat(latestClaims.getSubject()).isEqualTo(claims.getSubject());
        assertThat(latestClaims.getStringClaim("sid")).isEqualTo(claims.getStringClaim("sid"));

        // Introspection (RFC 7662) of the new access token.
        TokenIntrospectionResponse introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                provider.getIntrospectionEndpointURI(), clientAuthentication(provider, clientId, clientKey),
                refreshed.getTokens().getAccessToken()).toHTTPRequest().send());
        assertThat(introspection.indicatesSuccess()).isTrue();
        assertThat(introspection.toSuccessResponse().isActive()).isTrue();
        assertThat(introspection.toSuccessResponse().getClientID()).isEqualTo(clientId);

        // Revocation (RFC 7009) of the rotated refresh token, after which it no longer works.
        HTTPResponse revoked = new TokenRevocationRequest(provider.getRevocationEndpointURI(),
                clientAuthentication(provider, clientId, clientKey), rotated).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        TokenResponse afterRevocation = exchange(provider, clientId, clientKey, new RefreshTokenGrant(rotated));
        assertThat(afterRevocation.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) afterRevocation).getErrorObject().getCode()).isEqualTo("invalid_grant");

        // RP-initiated logout back to the registered post-logout URI, and a back-channel logout token.
        State logoutState = new State();
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), latestIdToken, POST_LOGOUT_URI, logoutState)
                .toURI();
        TestBrowser.Page loggedOut = browser.get(logout.toString());
        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(loggedOut.location()).startsWith(POST_LOGOUT_URI.toString())
                .contains("state=" + logoutState.getValue());
        String logoutToken = LOGOUT_TOKENS.poll(30, TimeUnit.SECONDS);
        assertThat(logoutToken).as("back-channel logout token delivered").isNotNull();
        LogoutTokenClaimsSet logoutClaims = new LogoutTokenValidator(new Issuer(ISSUER), clientId,
                JWSAlgorithm.ES256, provider.getJWKSetURI().toURL()).validate(JWTParser.parse(logoutToken));
        assertThat(logoutClaims.getSubject()).isEqualTo(claims.getSubject());
        assertThat(logoutClaims.getSessionID().getValue()).isEqualTo(claims.getStringClaim("sid"));
    }

    /** The success response, or a failure that quotes the server's error. */
    private static AccessTokenResponse succeeded(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as(() -> "token error " + response.toErrorResponse().getErrorObject()
                .toJSONObject()).isTrue();
        return response.toSuccessResponse();
    }

    private static TokenResponse exchange(OIDCProviderMetadata provider, ClientID clientId, ECKey clientKey,
            com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        TokenRequest request = new TokenRequest(provider.getTokenEndpointURI(),
                clientAuthentication(provider, clientId, clientKey), grant);
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    /** A fresh client assertion (new jti) for every request, as RFC 7523 expects. */
    private static ClientAuthentication clientAuthentication(OIDCProviderMetadata provider, ClientID clientId,
            ECKey clientKey) throws Exception {
        return new PrivateKeyJWT(clientId, provider.getTokenEndpointURI(), JWSAlgorithm.ES256,
                clientKey.toECPrivateKey(), clientKey.getKeyID(), null);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
