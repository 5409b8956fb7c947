package dev.signet.core.keys;

/** The JWS algorithms Signet signs tokens with; one active key of each is kept. */
public enum SigningAlgorithm {
    /** ECDSA P-256 with SHA-256: the default for ID tokens, access tokens and logout tokens. */
    ES256,
    /** RSASSA-PKCS1-v1_5 with SHA-256 (2048-bit keys), only for relying parties that ask for it. */
    RS256
}
