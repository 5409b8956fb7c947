package dev.signet.client;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A {@link TestProvider}, a hand-moved clock, and a {@link SignetClient} configured for both. */
class ClientFixture implements AutoCloseable {

    static final String CLIENT_ID = "fishing-licence";
    static final String ACCESS_TOKEN = "access-token-1";
    static final URI REDIRECT_URI = URI.create("https://fishing.example.gov.uk/auth/callback");
    static final URI POST_LOGOUT_URI = URI.create("https://fishing.example.gov.uk/signed-out");

    final TestProvider provider;
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final ClientKey clientKey = ClientKey.generate("fishing-2026");
    SignetClient client;

    ClientFixture() throws Exception {
        this.provider = new TestProvider();
        this.client = builder().build();
    }

    SignetClient.Builder builder() {
        return SignetClient.builder()
                .issuer(provider.issuer)
                .clientId(CLIENT_ID)
                .clientKey(clientKey)
                .redirectUri(REDIRECT_URI)
                .postLogoutRedirectUri(POST_LOGOUT_URI)
                .scopes("openid", "email")
                .timeout(Duration.ofSeconds(5))
                .clock(clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** The claims of a valid Signet ID token answering {@code pending}. */
    JWTClaimsSet.Builder idTokenClaims(PendingAuthorization pending) {
        Instant now = now();
        return new JWTClaimsSet.Builder()
                .issuer(provider.issuer)
                .subject("citizen-1")
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", pending.nonce())
                .claim("at_hash", atHash(ACCESS_TOKEN, "SHA-256"))
                .claim("auth_time", now.minusSeconds(10).getEpochSecond())
                .claim("vot", "Cl.Cm")
                .claim("vtm", provider.issuer + "/trustmark")
                .claim("sid", "session-1");
    }

    /** A sign-in whose ID token has the default claims changed by {@code change}, signed ES256 with kid ec-1. */
    SignIn signIn(AuthorizationOptions options, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signInWithIdToken(options, pending -> provider.sign(change.apply(idTokenClaims(pending)).build(), null));
    }

    SignIn signInWithIdToken(AuthorizationOptions options, Function<PendingAuthorization, String> idToken) {
        AuthorizationRequest request = client.authorizationRequest(options);
        provider.tokenEndpoint = form -> TestProvider.tokenResponse(ACCESS_TOKEN, idToken.apply(request.pending()),
                "refresh-token-1");
        return client.completeSignIn(callback(request.pending().state()), request.pending());
    }

    URI callback(String state) {
        return URI.create(REDIRECT_URI + "?code=code-1&state=" + encode(state) + "&iss=" + encode(provider.issuer));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String atHash(String accessToken, String digest) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        provider.close();
    }
}
