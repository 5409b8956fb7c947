package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every client authentication method at the token endpoint, with the client_credentials grant. */
class ClientAuthenticationIT extends ServerIntegrationTest {

    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private SignetProperties signet;

    private HttpResponse<String> token(Map<String, String> form, String basicAuth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ClientTestSupport.form(form)));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> clientCredentials() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("scope", "read");
        return form;
    }

    private String issuer() {
        return signet.issuer().toString();
    }

    private JWTClaimsSet.Builder assertionClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("test-pkjwt").subject("test-pkjwt").audience(issuer())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString());
    }

    private HttpResponse<String> withAssertion(String assertion) throws Exception {
        Map<String, String> form = clientCredentials();
        form.put("client_id", "test-pkjwt");
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        return token(form, null);
    }

    @Test
    void clientSecretBasicWithTheRightSecretGetsAnAccessToken() throws Exception {
        HttpResponse<String> response = token(clientCredentials(), "test-secret:test-secret-value");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\"").contains("\"token_type\":\"Bearer\"");
    }

    @Test
    void clientSecretBasicWithAWrongSecretIsAnInvalidClient() throws Exception {
        HttpResponse<String> response = token(clientCredentials(), "test-secret:test-secret-valuf");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_client\"").doesNotContain("access_token");
    }

    @Test
    void clientSecretPostWithTheRightSecretGetsAnAccessToken() throws Exception {
        Map<String, String> form = clientCredentials();
        form.put("client_id", "test-secret-post");
        form.put("client_secret", "test-secret-post-value");

        HttpResponse<String> response = token(form, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\"");
    }

    @Test
    void aSecretSentByAMethodTheClientDidNotRegisterIsRefused() throws Exception {
        // test-secret-post registered client_secret_post; Basic is not accepted for it.
        HttpResponse<String> response = token(clientCredentials(), "test-secret-post:test-secret-post-value");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void privateKeyJwtWithTheIssuerAsAudienceGetsAnAccessToken() throws Exception {
        String assertion = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(), assertionClaims().build());

        HttpResponse<String> response = withAssertion(assertion);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\"");
    }

    @Test
    void privateKeyJwtWithTheTokenEndpointAsAudienceGetsAnAccessToken() throws Exception {
        String assertion = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                assertionClaims().audience(issuer() + "/oauth2/token").build());

        assertThat(withAssertion(assertion).statusCode()).isEqualTo(200);
    }

    @Test
    void privateKeyJwtWithoutClientIdIsNamedByTheAssertionsSubject() throws Exception {
        Map<String, String> form = clientCredentials();
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                assertionClaims().build()));

        assertThat(token(form, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAssertionNamingAnotherClientThanItsSignerIsRefused() throws Exception {
        // Signed with test-pkjwt's key but claiming to be test-secret (which has no keys at all).
        Map<String, String> form = clientCredentials();
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                assertionClaims().issuer("test-secret").subject("test-secret").build()));

        assertThat(token(form, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        String assertion = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(), assertionClaims().build());
        assertThat(withAssertion(assertion).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = withAssertion(assertion);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("invalid_client").doesNotContain("access_token");
    }

    @Test
    void anAssertionRefusedForAnotherReasonDoesNotUseUpItsJti() throws Exception {
        String jti = UUID.randomUUID().toString();
        ECKey key = ClientTestSupport.testPkjwtKey();
        assertThat(withAssertion(ClientTestSupport.sign(key,
                assertionClaims().jwtID(jti).audience("https://someone-else.example").build())).statusCode())
                .isEqualTo(401);

        assertThat(withAssertion(ClientTestSupport.sign(key, assertionClaims().jwtID(jti).build())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAssertionSignedByAnUnregisteredKeyIsRefused() throws Exception {
        String forged = ClientTestSupport.sign(ClientTestSupport.strangerKey(), assertionClaims().build());

        HttpResponse<String> response = withAssertion(forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void assertionsWithoutExpOrJtiOrTooLongALifeOrAWrongAudienceAreRefused() throws Exception {
        ECKey key = ClientTestSupport.testPkjwtKey();
        JWTClaimsSet noExp = new JWTClaimsSet.Builder(assertionClaims().build()).expirationTime(null).build();
        JWTClaimsSet noJti = new JWTClaimsSet.Builder(assertionClaims().build()).jwtID(null).build();
        JWTClaimsSet tooLong = assertionClaims()
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build();
        JWTClaimsSet wrongAudience = assertionClaims().audience("https://someone-else.example").build();
        JWTClaimsSet expired = assertionClaims()
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build();
        JWTClaimsSet wrongIssuer = assertionClaims().issuer("test-secret").build();

        for (JWTClaimsSet claims : new JWTClaimsSet[] {noExp, noJti, tooLong, wrongAudience, expired, wrongIssuer}) {
            assertThat(withAssertion(ClientTestSupport.sign(key, claims)).statusCode()).as(claims.toString())
                    .isEqualTo(401);
        }
    }
}
