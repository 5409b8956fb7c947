package dev.signet.connector.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * How Signet proves itself at the upstream token endpoint: a client secret (HTTP Basic or in the form), or a JWT
 * signed with Signet's own key ({@code private_key_jwt}, RFC 7523), which keeps any shared secret out of the picture.
 */
final class ClientAuthentication {

    static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    static final String CLIENT_SECRET_POST = "client_secret_post";
    static final String PRIVATE_KEY_JWT = "private_key_jwt";
    static final List<String> METHODS = List.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT);

    private final String method;
    private final ClientID clientId;
    private final Optional<Secret> secret;
    private final Optional<JWK> privateKey;

    ClientAuthentication(String method, String clientId, Optional<String> secret, Optional<String> privateKey) {
        this.method = method;
        this.clientId = new ClientID(clientId);
        this.secret = secret.map(Secret::new);
        this.privateKey = privateKey.map(ClientAuthentication::parse);
    }

    /** What is wrong with a {@code private-key} value, in words that never repeat it. */
    static Optional<String> keyProblem(String value) {
        JWK key;
        try {
            key = JWK.parse(value);
        } catch (ParseException e) {
            return Optional.of("must be a JSON Web Key (JSON object)");
        }
        if (!key.isPrivate() || !(key instanceof RSAKey || key instanceof ECKey)) {
            return Optional.of("must be a private RSA or EC key");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            return Optional.of("must have a kid, so the upstream provider can tell Signet's keys apart");
        }
        if (key instanceof RSAKey rsa && rsa.size() < 2048) {
            return Optional.of("must be an RSA key of at least 2048 bits");
        }
        if (key instanceof ECKey ec && signingAlgorithm(ec) == null) {
            return Optional.of("must be an EC key on P-256, P-384 or P-521");
        }
        return Optional.empty();
    }

    private static JWK parse(String value) {
        try {
            return JWK.parse(value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("private-key is not a JSON Web Key", e);
        }
    }

    private static JWSAlgorithm signingAlgorithm(ECKey key) {
        Curve curve = key.getCurve();
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        return Curve.P_521.equals(curve) ? JWSAlgorithm.ES512 : null;
    }

    ClientID clientId() {
        return clientId;
    }

    /** The client secret, when the client has one (it keys HS-signed ID tokens). */
    Optional<Secret> secret() {
        return secret;
    }

    /** Credentials for one token request to {@code tokenEndpoint} (a private key JWT is fresh every time). */
    com.nimbusds.oauth2.sdk.auth.ClientAuthentication forTokenEndpoint(URI tokenEndpoint) throws JOSEException {
        return switch (method) {
            case CLIENT_SECRET_POST -> new ClientSecretPost(clientId, secret.orElseThrow());
            case PRIVATE_KEY_JWT -> privateKeyJwt(tokenEndpoint, privateKey.orElseThrow());
            default -> new ClientSecretBasic(clientId, secret.orElseThrow());
        };
    }

    private PrivateKeyJWT privateKeyJwt(URI tokenEndpoint, JWK key) throws JOSEException {
        PrivateKey signingKey;
        JWSAlgorithm algorithm;
        if (key instanceof RSAKey rsa) {
            signingKey = rsa.toPrivateKey();
            algorithm = JWSAlgorithm.RS256;
        } else {
            ECKey ec = (ECKey) key;
            signingKey = ec.toPrivateKey();
            algorithm = signingAlgorithm(ec);
        }
        return new PrivateKeyJWT(clientId, tokenEndpoint, algorithm, signingKey, key.getKeyID(), null);
    }

    @Override
    public String toString() {
        return "ClientAuthentication[" + method + ", clientId=" + clientId + ", credentials=(redacted)]";
    }
}
