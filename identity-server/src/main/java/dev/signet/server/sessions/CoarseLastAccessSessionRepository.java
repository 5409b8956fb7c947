package dev.signet.server.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;

/**
 * Spring Session's Redis repository as the HTTP session filter uses it, minus the writes of requests that change
 * nothing in the session but its last access time. Spring Session records the last access of every request that
 * touches the session, and recording it is a whole save: the hash, the expiry of the session key and of its shadow
 * key, and the minute-based expirations bookkeeping, six commands each. Here a request that changes nothing else
 * writes its last access only when the one stored is at least {@code writeInterval} old; a request that changes
 * anything else (an attribute, the id, the idle lifetime) writes as before, its last access with it.
 *
 * <p>The consequence is the precision of the idle timeout: the stored last access may be up to {@code writeInterval}
 * behind the real one, so a session ends between {@code timeout - writeInterval} and {@code timeout} after its last
 * request, never later. Everything else is Spring Session's: the expiry events, the principal-name index, the keys
 * admin-api reads, deletion at sign-out. Other users of the Redis repository (the session registry, the account's
 * list of sessions) use it directly.
 */
final class CoarseLastAccessSessionRepository
        implements SessionRepository<CoarseLastAccessSessionRepository.TrackedSession> {

    private final RedisIndexedSessionRepository sessions;
    private final Duration writeInterval;

    /**
     * @param writeInterval how old the stored last access must be for a request that changes nothing else to write
     *                      it; zero writes it at every request, as Spring Session does
     */
    CoarseLastAccessSessionRepository(RedisIndexedSessionRepository sessions, Duration writeInterval) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.writeInterval = Objects.requireNonNull(writeInterval, "writeInterval");
        if (writeInterval.isNegative()) {
            throw new IllegalArgumentException("The last access write interval must not be negative");
        }
    }

    @Override
    public TrackedSession createSession() {
        return new TrackedSession(sessions.createSession(), true);
    }

    @Override
    public void save(TrackedSession session) {
        session.save();
    }

    @Override
    public TrackedSession findById(String id) {
        RedisSession stored = sessions.findById(id);
        return stored == null ? null : new TrackedSession(stored, false);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    /** A Redis session that holds back its last access until it is saved, and knows whether anything else changed. */
    final class TrackedSession implements org.springframework.session.Session {

        private final RedisSession stored;
        private boolean changed;
        private Instant lastAccessed;

        private TrackedSession(RedisSession stored, boolean isNew) {
            this.stored = stored;
            this.changed = isNew;
        }

        private void save() {
            if (lastAccessed != null && (changed || lastWriteIsDue(lastAccessed))) {
                stored.setLastAccessedTime(lastAccessed);
                changed = true;
            }
            if (changed) {
                sessions.save(stored);
                changed = false;
                lastAccessed = null;
            }
        }

        private boolean lastWriteIsDue(Instant accessed) {
            return !accessed.isBefore(stored.getLastAccessedTime().plus(writeInterval));
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            this.lastAccessed = Objects.requireNonNull(lastAccessedTime, "lastAccessedTime");
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccessed != null ? lastAccessed : stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        /** Spring Session's rule ({@code MapSession#isExpired}) from the last access held back, if any. */
        @Override
        public boolean isExpired() {
            Duration idle = getMaxInactiveInterval();
            return !idle.isNegative() && !Instant.now().minus(idle).isBefore(getLastAccessedTime());
        }
    }
}
