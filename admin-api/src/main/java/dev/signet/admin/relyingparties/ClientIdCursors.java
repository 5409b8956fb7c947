package dev.signet.admin.relyingparties;

import dev.signet.admin.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque list cursors for relying parties: the last client id of a page (a keyset position, like Cursors). */
final class ClientIdCursors {

    private static final String PREFIX = "rp1.";

    private ClientIdCursors() {
    }

    static String encode(String clientId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + clientId)
                .getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX) && text.length() > PREFIX.length()) {
                return Optional.of(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException malformed) {
            // Falls through to the problem below.
        }
        throw new InvalidRequestException("cursor", "Not a cursor this API gave out; pass next_cursor unchanged.");
    }
}
