package dev.signet.core.keys.inmemory;

import dev.signet.core.keys.SigningKey;
import dev.signet.core.keys.SigningKeyRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SigningKeyRepository} in memory, for tests and single-process tools (keys are lost on exit). */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    private final Map<String, SigningKey> keys = new LinkedHashMap<>();

    @Override
    public synchronized List<SigningKey> findUnexpired(Instant now) {
        return keys.values().stream()
                .filter(key -> key.publishedAt(now))
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid))
                .toList();
    }

    @Override
    public synchronized Optional<SigningKey> findByKid(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    @Override
    public synchronized boolean addUnlessRetiringAfter(SigningKey key, Instant retiringAfter) {
        boolean planned = keys.values().stream()
                .anyMatch(other -> other.algorithm() == key.algorithm() && other.retiresAt().isAfter(retiringAfter));
        if (planned || keys.containsKey(key.kid())) {
            return false;
        }
        keys.put(key.kid(), key);
        return true;
    }

    @Override
    public synchronized int deleteExpiredBefore(Instant before) {
        int size = keys.size();
        keys.values().removeIf(key -> key.expiresAt().isBefore(before));
        return size - keys.size();
    }
}
