package dev.signet.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The userinfo response (OpenID Connect Core §5.3): claims about the citizen as they are now, checked to be about the
 * same {@code sub} as the ID token.
 *
 * @param subject {@code sub}
 * @param claims every claim as JSON values
 */
public record UserInfo(String subject, Map<String, Object> claims) {

    public UserInfo {
        Objects.requireNonNull(subject, "subject");
        claims = Map.copyOf(claims);
    }

    /** {@code email}, when the {@code email} scope was granted. */
    public Optional<String> email() {
        return Optional.ofNullable(claims.get("email")).filter(String.class::isInstance).map(String.class::cast);
    }

    /** {@code email_verified}; {@code false} when absent. */
    public boolean emailVerified() {
        return Boolean.TRUE.equals(claims.get("email_verified"));
    }

    /**
     * {@code legacy_subjects}: the citizen's linked old accounts at your department, when your service belongs to a
     * department and asked for the {@code legacy_subjects} scope; empty otherwise.
     */
    public List<LegacySubject> legacySubjects() {
        return LegacySubject.fromClaim(claims.get(LegacySubject.CLAIM));
    }

    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
