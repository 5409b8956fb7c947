package dev.signet.bench.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** How the driver's relying party authenticates at the token and introspection endpoints. */
sealed interface ClientAuthentication {

    String clientId();

    /** Adds the credentials to the request, as a header or as form fields. */
    void apply(HttpRequest.Builder request, Map<String, String> form, URI endpoint) throws FlowFailure;

    /** {@code client_secret_basic} (RFC 6749 §2.3.1): id and secret form-encoded, joined, base64-encoded. */
    record SecretBasic(String clientId, String secret) implements ClientAuthentication {

        public SecretBasic {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public void apply(HttpRequest.Builder request, Map<String, String> form, URI endpoint) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8)));
        }

        private static String urlEncode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code private_key_jwt} (RFC 7523): a new assertion per request, signed with the client's private key, with
     * {@code iss} = {@code sub} = the client, {@code aud} = the token endpoint, a one-minute {@code exp} and a fresh
     * {@code jti} (the server refuses a replayed one).
     */
    record PrivateKeyJwt(String clientId, JWK key, JWSAlgorithm algorithm, JWSSigner signer)
            implements ClientAuthentication {

        static PrivateKeyJwt of(String clientId, JWK key) {
            if (!key.isPrivate()) {
                throw new IllegalArgumentException("--client-key must be a private JWK");
            }
            JWSAlgorithm algorithm = key.getAlgorithm() != null ? JWSAlgorithm.parse(key.getAlgorithm().getName())
                    : KeyType.EC.equals(key.getKeyType()) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            try {
                return new PrivateKeyJwt(clientId, key, algorithm, new DefaultJWSSignerFactory().createJWSSigner(key,
                        algorithm));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("--client-key cannot sign " + algorithm + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void apply(HttpRequest.Builder request, Map<String, String> form, URI endpoint) throws FlowFailure {
            Instant now = Instant.now();
            // The server accepts the issuer or the token endpoint as audience; the token endpoint is known here.
            URI audience = endpoint.resolve("/oauth2/token");
            SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder()
                    .issuer(clientId).subject(clientId).audience(audience.toString())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                    .jwtID(UUID.randomUUID().toString()).build());
            try {
                assertion.sign(signer);
            } catch (JOSEException e) {
                throw new FlowFailure("cannot sign the client assertion: " + e.getClass().getSimpleName());
            }
            form.put("client_id", clientId);
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.put("client_assertion", assertion.serialize());
        }
    }

    /** A public client: {@code client_id} in the form, no secret. */
    record None(String clientId) implements ClientAuthentication {

        @Override
        public void apply(HttpRequest.Builder request, Map<String, String> form, URI endpoint) {
            form.put("client_id", clientId);
        }
    }
}
