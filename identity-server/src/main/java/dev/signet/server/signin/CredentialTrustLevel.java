package dev.signet.server.signin;

import java.util.Arrays;
import java.util.Optional;

/**
 * Credential trust from Vectors of Trust (RFC 8485) as GOV.UK One Login uses them: {@code Cl} is a password alone,
 * {@code Cl.Cm} a password and a second factor (or a passkey). Ordered from weakest to strongest.
 */
public enum CredentialTrustLevel {
    LOW("Cl"),
    MEDIUM("Cl.Cm");

    private final String vectorValue;

    CredentialTrustLevel(String vectorValue) {
        this.vectorValue = vectorValue;
    }

    /** The value as it appears in {@code vtr} and {@code vot}, e.g. {@code Cl.Cm}. */
    public String vectorValue() {
        return vectorValue;
    }

    public boolean satisfies(CredentialTrustLevel required) {
        return compareTo(required) >= 0;
    }

    public static Optional<CredentialTrustLevel> fromVectorValue(String value) {
        return Arrays.stream(values()).filter(level -> level.vectorValue.equals(value)).findFirst();
    }
}
