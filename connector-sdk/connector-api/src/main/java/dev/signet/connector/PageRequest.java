package dev.signet.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of users to list.
 *
 * @param cursor where the previous page ended, as the connector wrote it in {@link Page#next()}; empty for the first
 *               page. Opaque to everyone but the connector that made it
 * @param size   the most identities to return, from 1 to 10,000
 */
public record PageRequest(Optional<String> cursor, int size) {

    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 10_000;

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_SIZE + " users, not " + size);
        }
    }

    /** The first page. */
    public static PageRequest first(int size) {
        return new PageRequest(Optional.empty(), size);
    }

    @Override
    public String toString() {
        return "PageRequest[cursor=" + (cursor.isPresent() ? "(redacted)" : "none") + ", size=" + size + "]";
    }
}
