package dev.signet.admin.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency for updates (RFC 9110 section 13.1.1 and RFC 6585 section 3), so that two operators never
 * overwrite each other silently:
 * <ol>
 *   <li>a read returns the resource's version as a strong {@code ETag} ({@link #of(Instant)});</li>
 *   <li>an update must send it back in {@code If-Match}; {@link #requireMatch(String, String)} refuses the update
 *       with 428 when the header is missing and 412 when the resource has changed since;</li>
 *   <li>the write itself must still be conditional in storage (for an account: {@code WHERE updated_at = ?}), since
 *       another update can land between the check and the write: a write that matched nothing is a 412 as well
 *       ({@link #changedMeanwhile()}).</li>
 * </ol>
 * Versions come from the resource's last-change time (for accounts {@code Account.updatedAt}, which the repository
 * moves on every change), to the microsecond as PostgreSQL keeps it.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The strong entity tag of a resource last changed at {@code version}, quotes included. */
    public static String of(Instant version) {
        Instant micros = version.truncatedTo(ChronoUnit.MICROS);
        long value = Math.addExact(Math.multiplyExact(micros.getEpochSecond(), 1_000_000L), micros.getNano() / 1000);
        return "\"" + Long.toString(value, 36) + "\"";
    }

    /**
     * Checks an update's {@code If-Match} against the resource's current tag.
     *
     * @throws PreconditionException 428 when {@code ifMatch} is absent, 412 when no listed tag is the current one
     */
    public static void requireMatch(String ifMatch, String currentTag) {
        Objects.requireNonNull(currentTag, "currentTag");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionException(Problems.of(HttpStatus.PRECONDITION_REQUIRED,
                    Problems.PRECONDITION_REQUIRED, "Precondition required",
                    "Send the ETag of the resource you read in If-Match, so that changes made by someone else since "
                            + "are not overwritten."));
        }
        String header = ifMatch.strip();
        boolean matches = "*".equals(header) || Arrays.stream(header.split(","))
                .map(String::strip)
                // Weak tags never match for If-Match (strong comparison).
                .anyMatch(tag -> !tag.startsWith("W/") && tag.equals(currentTag));
        if (!matches) {
            throw changedMeanwhile();
        }
    }

    /** The 412 to answer when the resource changed after the request's version was read. */
    public static PreconditionException changedMeanwhile() {
        return new PreconditionException(Problems.of(HttpStatus.PRECONDITION_FAILED, Problems.PRECONDITION_FAILED,
                "Precondition failed", "The resource has changed since you read it. Read it again, check the "
                        + "changes, and retry with its new ETag."));
    }
}
