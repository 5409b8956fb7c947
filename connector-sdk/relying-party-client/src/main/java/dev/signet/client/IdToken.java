package dev.signet.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated ID token: who the citizen is to this service and how they signed in. Only the client creates these,
 * after every check has passed.
 *
 * @param value the token as received; keep it to send as {@code id_token_hint} when the citizen signs out
 * @param issuer {@code iss}
 * @param subject {@code sub}: the citizen's identifier at this service (pairwise: other services see another value)
 * @param audience {@code aud}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param authTime {@code auth_time}: when the citizen last actively signed in
 * @param vectorOfTrust {@code vot}: the vector of trust the sign-in achieved, e.g. {@code Cl} or {@code Cl.Cm}
 * @param sessionId {@code sid}: the citizen's Signet session, as named again in back-channel logout tokens
 * @param claims every claim, including those above, as JSON values (String, Long, Double, Boolean, List, Map)
 */
public record IdToken(String value, String issuer, String subject, List<String> audience, Instant issuedAt,
        Instant expiresAt, Optional<Instant> authTime, Optional<String> vectorOfTrust, Optional<String> sessionId,
        Map<String, Object> claims) {

    public IdToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(vectorOfTrust, "vectorOfTrust");
        Objects.requireNonNull(sessionId, "sessionId");
        claims = Map.copyOf(claims);
    }

    /** One claim, e.g. {@code email}, when the token has it. */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** One claim that is a JSON string. */
    public Optional<String> stringClaim(String name) {
        return claim(name).filter(String.class::isInstance).map(String.class::cast);
    }

    /**
     * {@code legacy_subjects}: the citizen's linked old accounts at your department, when your service belongs to a
     * department and asked for the {@code legacy_subjects} scope; empty otherwise.
     */
    public List<LegacySubject> legacySubjects() {
        return LegacySubject.fromClaim(claims.get(LegacySubject.CLAIM));
    }

    /** Does not show the token value. */
    @Override
    public String toString() {
        return "IdToken[iss=" + issuer + ", sub=" + subject + ", vot=" + vectorOfTrust.orElse("-") + ", exp="
                + expiresAt + "]";
    }
}
