package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization request the client builds, and the checks on the response the browser brings back. */
class AuthorizationRequestTest {

    private ClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ClientFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theRequestCarriesPkceS256StateNonceAndTheOptions() throws Exception {
        AuthorizationRequest request = fixture.client.authorizationRequest(AuthorizationOptions.builder()
                .vectorsOfTrust("Cl.Cm", "Cl").uiLocales("cy", "en").maxAge(Duration.ofMinutes(15))
                .prompt("login").extraScopes("phone").loginHint("citizen@example.com")
                .claims("{\"userinfo\":{\"email\":{\"essential\":true}}}").build());
        Map<String, String> query = query(request.uri());
        PendingAuthorization pending = request.pending();

        assertThat(request.uri().toString()).startsWith(fixture.provider.issuer + "/authorize?");
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", ClientFixture.CLIENT_ID)
                .containsEntry("redirect_uri", ClientFixture.REDIRECT_URI.toString())
                .containsEntry("scope", "openid email phone")
                .containsEntry("state", pending.state())
                .containsEntry("nonce", pending.nonce())
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("vtr", "[\"Cl.Cm\",\"Cl\"]")
                .containsEntry("ui_locales", "cy en")
                .containsEntry("max_age", "900")
                .containsEntry("prompt", "login")
                .containsEntry("login_hint", "citizen@example.com")
                .containsEntry("claims", "{\"userinfo\":{\"email\":{\"essential\":true}}}");
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(pending.codeVerifier().getBytes(StandardCharsets.US_ASCII));
        assertThat(query.get("code_challenge")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        assertThat(pending.codeVerifier()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(pending.vectorsOfTrust()).containsExactly("Cl.Cm", "Cl");
        assertThat(pending.maxAge()).contains(Duration.ofMinutes(15));
        assertThat(request.toString()).doesNotContain(pending.state(), pending.nonce(), pending.codeVerifier());
    }

    @Test
    void everyRequestHasItsOwnSecrets() {
        PendingAuthorization first = fixture.client.authorizationRequest().pending();
        PendingAuthorization second = fixture.client.authorizationRequest().pending();

        assertThat(second.state()).isNotEqualTo(first.state());
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.codeVerifier()).isNotEqualTo(first.codeVerifier());
        assertThat(first.state()).isNotEqualTo(first.nonce());
    }

    @Test
    void aSignedRequestObjectCarriesTheParametersSignedWithTheClientKey() throws Exception {
        SignetClient client = fixture.builder().signedRequestObjects(true).build();
        AuthorizationRequest request = client.authorizationRequest(AuthorizationOptions.builder()
                .vectorsOfTrust("Cl").uiLocales("cy").build());
        Map<String, String> query = query(request.uri());

        assertThat(query.keySet()).containsExactlyInAnyOrder("response_type", "client_id", "scope", "request");
        SignedJWT requestObject = SignedJWT.parse(query.get("request"));
        ECKey publicKey = (ECKey) JWK.parse(fixture.clientKey.publicJwk());
        assertThat(requestObject.verify(new ECDSAVerifier(publicKey))).isTrue();
        assertThat(requestObject.getHeader().getKeyID()).isEqualTo("fishing-2026");
        JWTClaimsSet claims = requestObject.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ClientFixture.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(fixture.provider.issuer);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(fixture.now().plus(Duration.ofMinutes(30)));
        assertThat(claims.getStringClaim("state")).isEqualTo(request.pending().state());
        assertThat(claims.getStringClaim("nonce")).isEqualTo(request.pending().nonce());
        assertThat(claims.getStringClaim("redirect_uri")).isEqualTo(ClientFixture.REDIRECT_URI.toString());
        assertThat(claims.getStringClaim("code_challenge_method")).isEqualTo("S256");
        assertThat(claims.getStringClaim("vtr")).isEqualTo("[\"Cl\"]");
        assertThat(claims.getStringClaim("ui_locales")).isEqualTo("cy");
    }

    @Test
    void aResponseWithAnotherStateIsRefusedBeforeAnythingElse() {
        PendingAuthorization pending = fixture.client.authorizationRequest().pending();

        assertThatThrownBy(() -> fixture.client.completeSignIn(fixture.callback("forged-state"), pending))
                .isInstanceOf(StateMismatchException.class);
        assertThatThrownBy(() -> fixture.client.completeSignIn(URI.create(ClientFixture.REDIRECT_URI
                + "?code=c&iss=" + ClientFixture.encode(fixture.provider.issuer)), pending))
                .isInstanceOf(StateMismatchException.class).hasMessageContaining("no state");
        assertThat(fixture.provider.tokenRequests()).isEmpty();
    }

    @Test
    void aResponseFromAnotherIssuerIsRefused() {
        PendingAuthorization pending = fixture.client.authorizationRequest().pending();
        URI mixedUp = URI.create(ClientFixture.REDIRECT_URI + "?code=c&state=" + pending.state()
                + "&iss=" + ClientFixture.encode("https://other-idp.example"));

        assertThatThrownBy(() -> fixture.client.completeSignIn(mixedUp, pending))
                .isInstanceOf(ResponseIssuerMismatchException.class).hasMessageContaining("other-idp");
        assertThat(fixture.provider.tokenRequests()).isEmpty();
    }

    @Test
    void aResponseWithoutIssIsRefusedBecauseSignetAdvertisesIt() {
        PendingAuthorization pending = fixture.client.authorizationRequest().pending();

        assertThatThrownBy(() -> fixture.client.completeSignIn(URI.create(ClientFixture.REDIRECT_URI
                + "?code=c&state=" + pending.state()), pending))
                .isInstanceOf(ResponseIssuerMismatchException.class).hasMessageContaining("RFC 9207");
    }

    @Test
    void anErrorResponseIsReportedWithItsCode() {
        PendingAuthorization pending = fixture.client.authorizationRequest().pending();
        URI error = URI.create(ClientFixture.REDIRECT_URI + "?error=unmet_authentication_requirements"
                + "&error_description=Second+factor+needed&state=" + pending.state() + "&iss="
                + ClientFixture.encode(fixture.provider.issuer));

        assertThatThrownBy(() -> fixture.client.completeSignIn(error, pending))
                .isInstanceOfSatisfying(AuthorizationErrorException.class, e -> {
                    assertThat(e.error()).isEqualTo("unmet_authentication_requirements");
                    assertThat(e.description()).isEqualTo("Second factor needed");
                });
    }

    @Test
    void aRepeatedParameterOrAMissingCodeIsMalformed() {
        PendingAuthorization pending = fixture.client.authorizationRequest().pending();
        String iss = "&iss=" + ClientFixture.encode(fixture.provider.issuer);

        assertThatThrownBy(() -> fixture.client.completeSignIn(URI.create(ClientFixture.REDIRECT_URI
                + "?code=a&code=b&state=" + pending.state() + iss), pending))
                .isInstanceOf(MalformedAuthorizationResponseException.class).hasMessageContaining("repeats code");
        assertThatThrownBy(() -> fixture.client.completeSignIn(URI.create(ClientFixture.REDIRECT_URI
                + "?state=" + pending.state() + iss), pending))
                .isInstanceOf(MalformedAuthorizationResponseException.class);
    }

    @Test
    void theCodeExchangeSendsTheVerifierAndAFreshClientAssertion() throws Exception {
        fixture.signIn(AuthorizationOptions.builder().vectorsOfTrust("Cl").build(), claims -> claims);
        fixture.signIn(AuthorizationOptions.builder().vectorsOfTrust("Cl").build(), claims -> claims);

        Map<String, String> first = fixture.provider.tokenRequests().get(0);
        Map<String, String> second = fixture.provider.tokenRequests().get(1);
        assertThat(first).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-1")
                .containsEntry("redirect_uri", ClientFixture.REDIRECT_URI.toString())
                .containsEntry("client_id", ClientFixture.CLIENT_ID)
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsKey("code_verifier");
        SignedJWT assertion = SignedJWT.parse(first.get("client_assertion"));
        assertThat(assertion.verify(new ECDSAVerifier((ECKey) JWK.parse(fixture.clientKey.publicJwk())))).isTrue();
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ClientFixture.CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo(ClientFixture.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(fixture.provider.issuer);
        assertThat(claims.getExpirationTime().toInstant()).isAfter(fixture.now())
                .isBeforeOrEqualTo(fixture.now().plusSeconds(60));
        String secondJti = SignedJWT.parse(second.get("client_assertion")).getJWTClaimsSet().getJWTID();
        assertThat(secondJti).isNotBlank().isNotEqualTo(claims.getJWTID());
    }

    @Test
    void thePendingAuthorizationSurvivesSerialisationIntoASession() throws Exception {
        PendingAuthorization pending = fixture.client.authorizationRequest(AuthorizationOptions.builder()
                .vectorsOfTrust("Cl").maxAge(Duration.ofSeconds(60)).build()).pending();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pending);
        }
        PendingAuthorization copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PendingAuthorization) in.readObject();
        }

        assertThat(copy.state()).isEqualTo(pending.state());
        assertThat(copy.codeVerifier()).isEqualTo(pending.codeVerifier());
        assertThat(copy.maxAge()).contains(Duration.ofSeconds(60));
        assertThat(copy.vectorsOfTrust()).containsExactly("Cl");
    }

    @Test
    void optionsRefuseValuesSignetWouldRefuse() {
        assertThatThrownBy(() -> AuthorizationOptions.builder().vectorsOfTrust("Cl Cm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector of trust");
        assertThatThrownBy(() -> AuthorizationOptions.builder().claims("[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> AuthorizationOptions.builder().prompt("none", "login"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizationOptions.builder().maxAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> SignetClient.builder().clientId("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer");
        assertThatThrownBy(() -> SignetClient.builder().issuer("http://signet.example.gov.uk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> SignetClient.builder().allowedAlgorithms("HS256"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256");
        assertThatThrownBy(() -> SignetClient.builder().allowedAlgorithms("none"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
