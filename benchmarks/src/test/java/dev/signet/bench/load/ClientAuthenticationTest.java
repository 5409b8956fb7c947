package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAuthenticationTest {

    private static final URI INTROSPECTION = URI.create("http://127.0.0.1:8080/oauth2/introspect");

    @Test
    void privateKeyJwtSendsAFreshAssertionForTheTokenEndpointEachTime() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        ClientAuthentication authentication = ClientAuthentication.PrivateKeyJwt.of("bench-pkjwt", key);

        Map<String, String> first = new HashMap<>();
        authentication.apply(HttpRequest.newBuilder(INTROSPECTION), first, INTROSPECTION);
        Map<String, String> second = new HashMap<>();
        authentication.apply(HttpRequest.newBuilder(INTROSPECTION), second, INTROSPECTION);

        assertThat(first).containsEntry("client_id", "bench-pkjwt")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(first.get("client_assertion"));
        assertThat(assertion.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("bench-pkjwt");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("bench-pkjwt");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("http://127.0.0.1:8080/oauth2/token");
        assertThat(assertion.getJWTClaimsSet().getExpirationTime()).isAfter(assertion.getJWTClaimsSet().getIssueTime());
        assertThat(SignedJWT.parse(second.get("client_assertion")).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(assertion.getJWTClaimsSet().getJWTID());
    }

    @Test
    void aPublicKeyCannotAuthenticate() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        assertThatIllegalArgumentException().isThrownBy(() -> ClientAuthentication.PrivateKeyJwt.of("c",
                key.toPublicJWK())).withMessageContaining("private");
    }

    @Test
    void clientSecretBasicFormEncodesBeforeBase64() {
        HttpRequest.Builder request = HttpRequest.newBuilder(INTROSPECTION);
        Map<String, String> form = new HashMap<>();

        new ClientAuthentication.SecretBasic("a:b", "s p&c").apply(request, form, INTROSPECTION);

        assertThat(form).isEmpty();
        assertThat(request.build().headers().firstValue("Authorization")).contains("Basic "
                + Base64.getEncoder().encodeToString("a%3Ab:s+p%26c".getBytes()));
    }
}
