package dev.signet.core.code.inmemory;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodeDigester;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link OneTimeCodeStore} for a single instance (the embedded default). Each check runs inside the map's atomic
 * {@code compute}, so racing checks of one code see one another's attempts and at most one of them consumes it.
 */
public final class InMemoryOneTimeCodeStore implements OneTimeCodeStore {

    private static final int SWEEP_EVERY = 256;

    private record Entry(byte[] digest, Instant expiresAt, int wrongAttempts) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final CodeDigester digester;
    private final int maxAttempts;
    private final Clock clock;

    public InMemoryOneTimeCodeStore(CodeDigester digester, int maxAttempts, Clock clock) {
        this.digester = Objects.requireNonNull(digester, "digester");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    @Override
    public String issue(CodePurpose purpose, String subject, Duration timeToLive) {
        requirePositive(timeToLive);
        Instant now = clock.instant();
        if (issued.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        }
        String code = digester.newCode();
        entries.put(key(purpose, subject), new Entry(digester.digest(purpose, subject, code), now.plus(timeToLive), 0));
        return code;
    }

    @Override
    public CodeCheck check(CodePurpose purpose, String subject, String typedCode) {
        byte[] typed = digester.digest(purpose, subject, CodeDigester.normaliseTyped(typedCode));
        Instant now = clock.instant();
        CodeCheck[] outcome = {new CodeCheck.ExpiredOrUnknown()};
        entries.computeIfPresent(key(purpose, subject), (key, entry) -> {
            if (!entry.expiresAt().isAfter(now)) {
                return null;
            }
            if (CodeDigester.same(typed, entry.digest())) {
                outcome[0] = new CodeCheck.Valid();
                return null;
            }
            int wrong = entry.wrongAttempts() + 1;
            if (wrong >= maxAttempts) {
                outcome[0] = new CodeCheck.TooManyAttempts();
                return null;
            }
            outcome[0] = new CodeCheck.Wrong(maxAttempts - wrong);
            return new Entry(entry.digest(), entry.expiresAt(), wrong);
        });
        return outcome[0];
    }

    private static String key(CodePurpose purpose, String subject) {
        return purpose.name() + '\u0000' + Objects.requireNonNull(subject, "subject");
    }

    static void requirePositive(Duration timeToLive) {
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive");
        }
    }
}
