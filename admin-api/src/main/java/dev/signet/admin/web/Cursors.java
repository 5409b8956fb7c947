package dev.signet.admin.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque cursors for list pagination: a client passes back the {@code next_cursor} of a page to get the next one and
 * never builds one itself. A cursor is a position (keyset), not an offset, so pages stay correct while entries are
 * added.
 */
public final class Cursors {

    private static final String PREFIX = "s1.";

    private Cursors() {
    }

    public static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position in {@code cursor}, empty when there is none; a malformed cursor is a 400 problem. */
    public static Optional<Long> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long position = Long.parseLong(text.substring(PREFIX.length()));
                if (position > 0) {
                    return Optional.of(position);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Falls through to the problem below.
        }
        throw new InvalidRequestException("cursor", "Not a cursor this API gave out; pass next_cursor unchanged.");
    }
}
