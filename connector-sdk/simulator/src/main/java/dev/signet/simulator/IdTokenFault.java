package dev.signet.simulator;

/**
 * One thing wrong with the next ID token the simulator issues, to prove your service refuses it. The relying-party
 * client's exception for each is given.
 */
public enum IdTokenFault {
    /** A {@code nonce} other than the request's ({@code NonceMismatchException}). */
    WRONG_NONCE,
    /** {@code exp} ten minutes ago ({@code TokenExpiredException}). */
    EXPIRED,
    /** {@code iat} ten minutes ahead ({@code TokenIssuedInFutureException}). */
    ISSUED_IN_FUTURE,
    /** {@code aud} and {@code azp} another service ({@code AudienceMismatchException}). */
    WRONG_AUDIENCE,
    /** {@code iss} another provider ({@code IssuerMismatchException}). */
    WRONG_ISSUER,
    /** Signed by a key that is not the published one, under the published {@code kid} ({@code InvalidSignatureException}). */
    BAD_SIGNATURE,
    /** Signed by a key whose {@code kid} is not in the JWKS ({@code UnknownSigningKeyException}). */
    UNKNOWN_KEY,
    /** Not signed at all, {@code alg: none} ({@code DisallowedAlgorithmException}). */
    UNSIGNED,
    /** {@code vot} weaker than the request's {@code vtr}: {@code Cl} ({@code TrustLevelNotMetException}). */
    WRONG_VOT,
    /** {@code at_hash} of another access token ({@code AccessTokenHashMismatchException}). */
    WRONG_AT_HASH,
    /** {@code auth_time} a day ago, older than any {@code max_age} ({@code AuthenticationTooOldException}). */
    OLD_AUTH_TIME
}
