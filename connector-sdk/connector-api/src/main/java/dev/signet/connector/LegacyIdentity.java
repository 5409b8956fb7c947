package dev.signet.connector;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A person as a legacy system knows them: what a connector returns when a citizen proves who they are, or when a user
 * is looked up or listed.
 *
 * <p>Attribute names follow the OpenID Connect standard claims where one fits ({@code email}, {@code given_name},
 * {@code family_name}, {@code phone_number}, {@code birthdate}, ...); a connector may add its own names for
 * anything else. An attribute is <em>verified</em> only when the legacy system vouches for it (it proved the
 * email address by sending a code, say); everything else is <em>unverified</em>, and Signet never links accounts or
 * trusts an email address on an unverified attribute. A name appears in at most one of the two maps.
 *
 * <p>{@link #toString()} prints the connector id and the attribute <em>names</em> only: subjects and attribute values
 * are personal data and stay out of logs.
 *
 * @param connectorId          the {@linkplain ConnectorInstance#id() id} of the connector that vouches for this identity
 * @param subject              the legacy system's stable identifier for the person (a user id, a DN, an upstream
 *                             {@code sub}); never an email address that the person can change, when anything better
 *                             exists
 * @param verifiedAttributes   attributes the legacy system vouches for
 * @param unverifiedAttributes attributes the legacy system holds without having checked them
 */
public record LegacyIdentity(String connectorId, String subject, Map<String, String> verifiedAttributes,
        Map<String, String> unverifiedAttributes) {

    public LegacyIdentity {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(subject, "subject");
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("A legacy subject must not be empty");
        }
        verifiedAttributes = Map.copyOf(verifiedAttributes);
        unverifiedAttributes = Map.copyOf(unverifiedAttributes);
        for (String name : verifiedAttributes.keySet()) {
            if (unverifiedAttributes.containsKey(name)) {
                throw new IllegalArgumentException("Attribute '" + name + "' is both verified and unverified");
            }
        }
    }

    /** An identity with no attributes. */
    public static LegacyIdentity of(String connectorId, String subject) {
        return new LegacyIdentity(connectorId, subject, Map.of(), Map.of());
    }

    @Override
    public String toString() {
        return "LegacyIdentity[connectorId=" + connectorId + ", subject=(redacted), verified="
                + new TreeSet<>(verifiedAttributes.keySet()) + ", unverified="
                + new TreeSet<>(unverifiedAttributes.keySet()) + "]";
    }
}
