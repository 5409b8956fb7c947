package dev.signet.bulkimport;

import dev.signet.core.account.EmailAddress;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a user file in Auth0's bulk user import schema, streamed: the array is walked token by token and only the
 * current user is held in memory, so a file of a million users needs no more memory than a file of one. Each user
 * becomes an {@link ImportUser} or a {@link RejectedRow} with the reason; a broken row never stops the rest.
 *
 * <p>Read: {@code email} (required), {@code email_verified}, {@code blocked}, {@code user_id}, {@code password_hash}
 * or {@code custom_password_hash} (see {@link ImportedPasswordHash}); {@code given_name}, {@code family_name},
 * {@code name}, {@code nickname}, {@code phone_number}, {@code app_metadata} and {@code user_metadata} are kept as
 * the profile; Signet's own {@code legacy_identity: {connector, subject}} names an identity in a legacy system. Other
 * Auth0 fields are ignored.
 */
public final class ImportFileReader {

    static final int MAX_USER_ID_LENGTH = 255;
    static final int MAX_PROFILE_CHARS = 16_384;
    private static final List<String> PROFILE_TEXT = List.of("given_name", "family_name", "name", "nickname",
            "phone_number");
    private static final List<String> PROFILE_OBJECTS = List.of("app_metadata", "user_metadata");

    // Each user is read as a tree from the middle of the stream: the rest of the array is not "trailing".
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ImportedPasswordHash hashes = new ImportedPasswordHash();

    /**
     * Reads every user and hands each, accepted or rejected, to {@code rows}, in file order.
     *
     * @throws ImportFileException when the file stops being readable JSON; rows handed over before stay handed over
     */
    public void read(InputStream in, Consumer<ImportUser> accepted, Consumer<RejectedRow> rejected) {
        Objects.requireNonNull(in, "in");
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ImportFileException("The file is not a JSON array of users");
            }
            int row = 1;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new ImportFileException("The file ends before its array of users does");
                }
                if (token == JsonToken.START_OBJECT) {
                    JsonNode user = JSON.readTree(parser);
                    ImportRow outcome = user(row, user);
                    if (outcome instanceof ImportUser good) {
                        accepted.accept(good);
                    } else {
                        rejected.accept((RejectedRow) outcome);
                    }
                } else {
                    parser.skipChildren();
                    rejected.accept(new RejectedRow(row, Optional.empty(), "not a JSON object"));
                }
                row++;
            }
        } catch (JacksonException e) {
            // Jackson's message carries the line and column, never more than a few characters of the file.
            throw new ImportFileException("The file is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** Reads one element of the file's array, already parsed; {@code row} counts from 1. */
    public ImportRow user(int row, JsonNode user) {
        JsonNode userIdNode = user.get("user_id");
        Optional<String> userId = Optional.empty();
        if (userIdNode != null && !userIdNode.isNull()) {
            if (!userIdNode.isString() || userIdNode.stringValue().isBlank()
                    || userIdNode.stringValue().length() > MAX_USER_ID_LENGTH) {
                return new RejectedRow(row, Optional.empty(),
                        "user_id must be a non-empty string of at most " + MAX_USER_ID_LENGTH + " characters");
            }
            userId = Optional.of(userIdNode.stringValue().strip());
        }
        Optional<String> email = text(user, "email").flatMap(EmailAddress::parse);
        if (email.isEmpty()) {
            return new RejectedRow(row, userId, "email is missing or is not an email address");
        }
        if (!booleanOrAbsent(user, "email_verified") || !booleanOrAbsent(user, "blocked")) {
            return new RejectedRow(row, userId, "email_verified and blocked must be true or false");
        }
        boolean hasPlain = present(user, "password_hash");
        boolean hasCustom = present(user, "custom_password_hash");
        if (hasPlain && hasCustom) {
            return new RejectedRow(row, userId, "password_hash and custom_password_hash cannot both be given");
        }
        Optional<String> hash = Optional.empty();
        if (hasPlain || hasCustom) {
            ImportedPasswordHash.Reading reading = hasPlain ? hashes.fromPasswordHash(user.get("password_hash"))
                    : hashes.fromCustom(user.get("custom_password_hash"));
            if (reading instanceof ImportedPasswordHash.Refused refused) {
                return new RejectedRow(row, userId, refused.reason());
            }
            hash = Optional.of(((ImportedPasswordHash.Usable) reading).stored());
        }
        Optional<ImportUser.LegacyIdentity> legacy = Optional.empty();
        if (present(user, "legacy_identity")) {
            JsonNode node = user.get("legacy_identity");
            Optional<String> connector = text(node, "connector").filter(text -> !text.isBlank());
            Optional<String> subject = text(node, "subject").filter(text -> !text.isBlank());
            if (connector.isEmpty() || subject.isEmpty() || connector.get().length() > MAX_USER_ID_LENGTH
                    || subject.get().length() > MAX_USER_ID_LENGTH) {
                return new RejectedRow(row, userId, "legacy_identity needs connector and subject, non-empty strings "
                        + "of at most " + MAX_USER_ID_LENGTH + " characters");
            }
            legacy = Optional.of(new ImportUser.LegacyIdentity(connector.get(), subject.get()));
        }
        ObjectNode profile = JSON.createObjectNode();
        for (String field : PROFILE_TEXT) {
            if (present(user, field)) {
                if (!user.get(field).isString()) {
                    return new RejectedRow(row, userId, field + " must be a string");
                }
                profile.set(field, user.get(field));
            }
        }
        for (String field : PROFILE_OBJECTS) {
            if (present(user, field)) {
                if (!user.get(field).isObject()) {
                    return new RejectedRow(row, userId, field + " must be an object");
                }
                profile.set(field, user.get(field));
            }
        }
        String profileJson = JSON.writeValueAsString(profile);
        if (profileJson.length() > MAX_PROFILE_CHARS) {
            return new RejectedRow(row, userId, "names, phone number and metadata together exceed "
                    + MAX_PROFILE_CHARS + " characters");
        }
        return new ImportUser(row, userId, email.get(), user.path("email_verified").booleanValue(false),
                user.path("blocked").booleanValue(false), hash, profileJson, legacy);
    }

    private static boolean present(JsonNode user, String field) {
        JsonNode node = user.get(field);
        return node != null && !node.isNull();
    }

    private static Optional<String> text(JsonNode user, String field) {
        JsonNode node = user.get(field);
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    private static boolean booleanOrAbsent(JsonNode user, String field) {
        JsonNode node = user.get(field);
        return node == null || node.isNull() || node.isBoolean();
    }
}
