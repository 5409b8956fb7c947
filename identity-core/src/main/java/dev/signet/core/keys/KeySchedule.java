package dev.signet.core.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When keys sign, when they are published, and when a new one must be made. A key signs for {@code rotationPeriod};
 * its successor is published at least {@code overlap} before it starts signing (so relying parties that cache JWKS
 * have it before they see a token signed with it), and a retired key stays published for {@code overlap} after it
 * stops signing (so tokens it signed still verify until they expire).
 */
public record KeySchedule(Duration rotationPeriod, Duration overlap) {

    public KeySchedule {
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        Objects.requireNonNull(overlap, "overlap");
        if (overlap.isNegative() || overlap.isZero() || rotationPeriod.compareTo(overlap.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("The rotation period must be at least twice the overlap, and the "
                    + "overlap positive (rotation period " + rotationPeriod + ", overlap " + overlap + ")");
        }
    }

    /** The times of a key this schedule asks for, and the view it was planned from. */
    public record PlannedKey(SigningAlgorithm algorithm, Instant createdAt, Instant activatesAt, Instant retiresAt,
            Instant expiresAt, Instant retiringAfter) {
    }

    /**
     * The key that signs {@code algorithm} tokens at {@code now}: the most recently activated key within its signing
     * period; if rotation fell behind (no instance ran for a while), the most recently activated unexpired key.
     */
    public Optional<SigningKey> signingKey(SigningAlgorithm algorithm, List<SigningKey> keys, Instant now) {
        Comparator<SigningKey> newest = Comparator.comparing(SigningKey::activatesAt);
        Optional<SigningKey> current = keys.stream()
                .filter(key -> key.algorithm() == algorithm && key.signsAt(now))
                .max(newest);
        return current.isPresent() ? current : keys.stream()
                .filter(key -> key.algorithm() == algorithm && !now.isBefore(key.activatesAt()) && key.publishedAt(now))
                .max(newest);
    }

    /** The keys JWKS lists at {@code now}: pending, signing and retired ones until they expire. */
    public List<SigningKey> published(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> key.publishedAt(now)).toList();
    }

    /**
     * The key to make now for {@code algorithm}, if any. With no key signing or pending, one that signs at once
     * (first start); otherwise, once the latest key is within twice the overlap of retiring, its successor, which
     * starts signing when the latest retires but never less than {@code overlap} from now.
     */
    public Optional<PlannedKey> plan(SigningAlgorithm algorithm, List<SigningKey> keys, Instant now) {
        Optional<SigningKey> latest = keys.stream()
                .filter(key -> key.algorithm() == algorithm)
                .max(Comparator.comparing(SigningKey::retiresAt));
        if (latest.isEmpty() || !latest.get().retiresAt().isAfter(now)) {
            return Optional.of(planned(algorithm, now, now, now));
        }
        Instant retires = latest.get().retiresAt();
        if (now.isBefore(retires.minus(overlap.multipliedBy(2)))) {
            return Optional.empty();
        }
        Instant activates = retires.isAfter(now.plus(overlap)) ? retires : now.plus(overlap);
        return Optional.of(planned(algorithm, now, activates, retires));
    }

    private PlannedKey planned(SigningAlgorithm algorithm, Instant now, Instant activates, Instant retiringAfter) {
        Instant retires = activates.plus(rotationPeriod);
        return new PlannedKey(algorithm, now, activates, retires, retires.plus(overlap), retiringAfter);
    }
}
