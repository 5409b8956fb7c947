package dev.signet.spring;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

import dev.signet.client.PendingAuthorization;

/**
 * The sign-ins one browser session has started and not yet finished, each under its {@code state}. A browser can start
 * several before it finishes one (a second tab, a reload, the icon it fetches unprompted), and the callback must
 * finish the one its {@code state} names, not whichever began last. Each is used once and only within its time limit;
 * only the {@value #MOST} most recent are kept, so a page that keeps starting sign-ins cannot fill the session.
 *
 * <p>Not thread-safe: the caller holds the session's lock. Kept in the HTTP session, so {@link Serializable}.
 */
final class PendingSignIns implements Serializable {

    /** More than a citizen with a few tabs open needs at once. */
    static final int MOST = 5;

    @Serial
    private static final long serialVersionUID = 1L;

    /** In the order they were started, oldest first. */
    private final LinkedHashMap<String, Started> byState = new LinkedHashMap<>();

    /** Keeps a sign-in just sent to Signet, dropping those out of time and, beyond {@value #MOST}, the oldest. */
    void add(PendingAuthorization authorization, Instant expiresAt, Instant now) {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(expiresAt, "expiresAt");
        forgetExpired(now);
        byState.put(authorization.state(), new Started(authorization, expiresAt));
        Iterator<String> oldestFirst = byState.keySet().iterator();
        while (byState.size() > MOST) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /**
     * Takes the sign-in this {@code state} names, for the callback to finish: it is removed whatever happens next, so a
     * replayed callback finds nothing. Expired sign-ins are dropped on the way.
     */
    Lookup take(String state, Instant now) {
        Started started = state == null ? null : byState.remove(state);
        forgetExpired(now);
        if (started == null) {
            return new Lookup.Unknown();
        }
        return started.expiresAt().isAfter(now) ? new Lookup.Found(started.authorization()) : new Lookup.Expired();
    }

    boolean isEmpty() {
        return byState.isEmpty();
    }

    private void forgetExpired(Instant now) {
        byState.values().removeIf(started -> !started.expiresAt().isAfter(now));
    }

    /** What a callback's {@code state} found. */
    sealed interface Lookup {

        /** A sign-in in progress, now taken: finish it. */
        record Found(PendingAuthorization authorization) implements Lookup {
        }

        /** A sign-in this session started, but not finished within the time limit. */
        record Expired() implements Lookup {
        }

        /** No sign-in in progress here has it: never started in this session, already finished, or dropped. */
        record Unknown() implements Lookup {
        }
    }

    private record Started(PendingAuthorization authorization, Instant expiresAt) implements Serializable {
    }

    /** Does not show the sign-ins' secrets (nor their states). */
    @Override
    public String toString() {
        return "PendingSignIns[" + byState.size() + "]";
    }
}
