package dev.signet.core.client;

import java.util.Arrays;
import java.util.Optional;

/** The JWS algorithm of the ID tokens a relying party receives ({@code id_token_signed_response_alg}). */
public enum IdTokenSigningAlgorithm {
    /** ECDSA P-256 with SHA-256: the default, small and fast to sign. */
    ES256,
    /** RSASSA-PKCS1-v1_5 with SHA-256, for client libraries that know nothing else. */
    RS256;

    public static Optional<IdTokenSigningAlgorithm> fromValue(String value) {
        return Arrays.stream(values()).filter(alg -> alg.name().equals(value)).findFirst();
    }
}
