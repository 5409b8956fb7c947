package dev.signet.core.connectors;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A connector's secret settings as stored: their names in the clear (so they can be listed, redacted, without the
 * key) and their values sealed together by {@link ConnectorSecretSealer}.
 *
 * @param names  the secret settings' names
 * @param sealed the sealed values; empty exactly when there are no secret settings
 */
public record SealedSecrets(Set<String> names, Optional<byte[]> sealed) {

    public static final SealedSecrets NONE = new SealedSecrets(Set.of(), Optional.empty());

    public SealedSecrets {
        names = Set.copyOf(new TreeSet<>(names));
        Objects.requireNonNull(sealed, "sealed");
        if (names.isEmpty() != sealed.isEmpty()) {
            throw new IllegalArgumentException("Sealed values go with, and only with, secret names");
        }
        sealed = sealed.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecrets that && names.equals(that.names)
                && Arrays.equals(sealed.orElse(null), that.sealed.orElse(null));
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "SealedSecrets" + new TreeSet<>(names);
    }
}
