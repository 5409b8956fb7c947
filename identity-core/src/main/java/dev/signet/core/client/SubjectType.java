package dev.signet.core.client;

import java.util.Arrays;
import java.util.Optional;

/** OpenID Connect Core §8: which {@code sub} a relying party receives. */
public enum SubjectType {
    /** A different {@code sub} per sector identifier (the default: services cannot correlate citizens). */
    PAIRWISE("pairwise"),
    /** The same {@code sub} for every relying party. */
    PUBLIC("public");

    private final String value;

    SubjectType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<SubjectType> fromValue(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
