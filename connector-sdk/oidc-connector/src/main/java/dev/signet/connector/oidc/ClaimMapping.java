package dev.signet.connector.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.connector.LegacyIdentity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a validated ID token's claims into a {@link LegacyIdentity}: the subject from the configured claim, and each
 * mapped attribute, verified or not.
 *
 * <p>An attribute is verified only when the department vouches for it ({@code verified-attributes}) and, for
 * {@code email} and {@code phone_number}, the upstream also states it checked the value ({@code email_verified},
 * {@code phone_number_verified} true): an upstream that lets its users type any email address must never make Signet
 * link accounts on it.
 */
record ClaimMapping(String subjectClaim, Map<String, String> attributeClaims, Set<String> verifiedAttributes) {

    /** The upstream claim that must be true, beside the operator's word, for an attribute to count as verified. */
    private static final Map<String, String> PROOF_CLAIMS = Map.of("email", "email_verified", "phone_number",
            "phone_number_verified");

    ClaimMapping {
        attributeClaims = Map.copyOf(attributeClaims);
        verifiedAttributes = Set.copyOf(verifiedAttributes);
    }

    /** The identity, or empty when the subject claim is missing or not a plain value. */
    Optional<LegacyIdentity> identity(String connectorId, JWTClaimsSet claims) {
        Optional<String> subject = text(claims.getClaim(subjectClaim)).filter(value -> !value.isBlank());
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> verified = new HashMap<>();
        Map<String, String> unverified = new HashMap<>();
        attributeClaims.forEach((attribute, claim) -> text(claims.getClaim(claim)).filter(value -> !value.isBlank())
                .ifPresent(value -> (isVerified(attribute, claims) ? verified : unverified).put(attribute, value)));
        return Optional.of(new LegacyIdentity(connectorId, subject.get(), verified, unverified));
    }

    private boolean isVerified(String attribute, JWTClaimsSet claims) {
        if (!verifiedAttributes.contains(attribute)) {
            return false;
        }
        String proof = PROOF_CLAIMS.get(attribute);
        return proof == null || isTrue(claims.getClaim(proof));
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value); // some providers send the boolean as a string
    }

    /** Strings, numbers and booleans as text; objects and arrays are not attribute values. */
    private static Optional<String> text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        return Optional.empty();
    }
}
