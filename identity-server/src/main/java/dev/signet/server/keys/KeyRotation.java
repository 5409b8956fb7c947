package dev.signet.server.keys;

import dev.signet.core.keys.KeySchedule;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKey;
import dev.signet.core.keys.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the keys the schedule asks for. Every instance runs it; the repository's conditional insert lets exactly one
 * of them add each key, and the others pick it up at their next refresh.
 */
final class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SigningKeyRepository repository;
    private final KeySchedule schedule;
    private final SigningKeyGenerator generator;
    private final Clock clock;

    KeyRotation(SigningKeyRepository repository, KeySchedule schedule, SigningKeyGenerator generator, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the keys due now for every algorithm and deletes expired ones; returns how many keys this call added. */
    int rotate() {
        // Whole seconds: the times are published in logs and compared across instances.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int added = 0;
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            var planned = schedule.plan(algorithm, repository.findUnexpired(now), now);
            if (planned.isPresent()) {
                SigningKey key = generator.generate(planned.get());
                if (repository.addUnlessRetiringAfter(key, planned.get().retiringAfter())) {
                    added++;
                    log.info("New {} signing key {}: published now, signs from {} to {}, leaves JWKS at {}",
                            algorithm, key.kid(), key.activatesAt(), key.retiresAt(), key.expiresAt());
                }
            }
        }
        int deleted = repository.deleteExpiredBefore(now);
        if (deleted > 0) {
            log.info("Deleted {} expired signing key(s)", deleted);
        }
        return added;
    }
}
