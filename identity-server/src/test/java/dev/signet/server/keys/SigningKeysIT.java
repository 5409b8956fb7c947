package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.keys.KeyEncryption;
import dev.signet.core.keys.KeySchedule;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.jdbc.JdbcSigningKeyRepository;
import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** JWKS as a relying party sees it, tokens that verify against it, and keys that outlive the process. */
class SigningKeysIT extends ServerIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private KeysProperties properties;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private KeyEncryption encryption;
    @Autowired
    private KeySchedule schedule;

    private HttpResponse<String> jwks() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jwksIsCacheableForLessThanTheOverlapAndListsAnEcP256AndAnRsaKeyWithoutPrivateParts() throws Exception {
        HttpResponse<String> response = jwks();

        assertThat(response.statusCode()).isEqualTo(200);
        String cacheControl = response.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).isEqualTo("public, max-age=" + properties.jwksMaxAge().toSeconds());
        assertThat(properties.jwksMaxAge()).isLessThan(properties.overlap());
        assertThat(response.headers().allValues("Pragma")).isEmpty();

        JWKSet set = JWKSet.parse(response.body());
        assertThat(set.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(set.getKeys()).anySatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.EC);
            assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_256);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        });
        assertThat(set.getKeys()).anySatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
            assertThat(((RSAKey) key).size()).isEqualTo(2048);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    @Test
    void aClientCredentialsAccessTokenIsEs256AndVerifiesAgainstJwks() throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("test-secret:test-secret-value".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = (String) com.nimbusds.jose.util.JSONObjectUtils.parse(token.body()).get("access_token");

        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWK key = JWKSet.parse(jwks().body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).isInstanceOf(ECKey.class);
        JWSVerifier verifier = new ECDSAVerifier((ECKey) key);
        assertThat(jwt.verify(verifier)).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("test-secret");
    }

    @Test
    void theKeysSurviveARestartOnTheSameDatabase() throws Exception {
        Map<String, Object> before = JWKSet.parse(jwks().body()).toJSONObject();

        // What a restarted instance does: a new repository and cache on the same database and KEK.
        SigningKeyCache restarted = new SigningKeyCache(new JdbcSigningKeyRepository(dataSource), encryption,
                schedule, new BouncyCastleProvider(), Clock.systemUTC());
        restarted.refresh();

        assertThat(new JWKSet(restarted.publishedKeys()).toJSONObject()).isEqualTo(before);
        String servedEs256 = SignedJWT.parse(issueEs256()).getHeader().getKeyID();
        assertThat(restarted.signingKey(SigningAlgorithm.ES256).orElseThrow().stored().kid()).isEqualTo(servedEs256);
    }

    private String issueEs256() throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("test-secret:test-secret-value".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read")).build(),
                HttpResponse.BodyHandlers.ofString());
        return (String) com.nimbusds.jose.util.JSONObjectUtils.parse(token.body()).get("access_token");
    }
}
