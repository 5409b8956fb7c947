package dev.signet.bulkimport;

import java.util.Objects;
import java.util.Optional;

/**
 * A row that was not imported, and why.
 *
 * @param row    the user's position in the file's array, from 1
 * @param userId the row's {@code user_id}, when it had a readable one
 * @param reason names the field and the rule; never a password, hash, salt or key
 */
public record RejectedRow(int row, Optional<String> userId, String reason) implements ImportRow {

    public RejectedRow {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
    }
}
