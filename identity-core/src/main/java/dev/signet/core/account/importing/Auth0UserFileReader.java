package dev.signet.core.account.importing;

import dev.signet.core.account.EmailAddress;
import dev.signet.core.password.argon2.StoredPasswordHashes;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a user file in Auth0's bulk user import schema: a JSON array of users, each with {@code email} (required),
 * {@code email_verified}, {@code user_id}, {@code blocked}, and at most one of {@code password_hash} (bcrypt) and
 * {@code custom_password_hash} ({@code {"algorithm": "argon2" | "bcrypt", "hash": {"value": "..."}}}). Other Auth0
 * fields (names, metadata, MFA factors) are accepted and ignored.
 *
 * <p>The file is streamed: one user is in memory at a time, so a file of millions of users needs no more memory than
 * a file of one. A user that breaks a rule is rejected with its index and the reason; the rest carry on.
 */
public final class Auth0UserFileReader {

    // Each user is read as a tree from the middle of the stream: the rest of the array is not "trailing".
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads every user and hands each, accepted or rejected, to {@code rows}, in file order. */
    public void read(InputStream in, Consumer<ImportRow> rows) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(rows, "rows");
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new AccountImportException("The file is not a JSON array of users", null);
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new AccountImportException("The file ends before its array of users does", null);
                }
                if (token == JsonToken.START_OBJECT) {
                    JsonNode user = JSON.readTree(parser);
                    rows.accept(row(index, user));
                } else {
                    parser.skipChildren();
                    rows.accept(new ImportRow.Rejected(index, "not a JSON object"));
                }
                index++;
            }
        } catch (JacksonException e) {
            // Jackson's message carries the line and column, never more than a few characters of the file.
            throw new AccountImportException("The file is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), null);
        }
    }

    static ImportRow row(int index, JsonNode user) {
        Optional<String> email = text(user, "email").flatMap(EmailAddress::parse);
        if (email.isEmpty()) {
            return new ImportRow.Rejected(index, "email is missing or is not an email address");
        }
        if (!booleanOrAbsent(user, "email_verified") || !booleanOrAbsent(user, "blocked")) {
            return new ImportRow.Rejected(index, "email_verified and blocked must be true or false");
        }
        JsonNode userIdNode = user.get("user_id");
        if (userIdNode != null && !(userIdNode.isString() && !userIdNode.stringValue().isBlank())) {
            return new ImportRow.Rejected(index, "user_id must be a non-empty string");
        }
        UUID id = userIdNode == null ? UUID.randomUUID() : accountId(userIdNode.stringValue());
        boolean hasPlain = user.has("password_hash");
        boolean hasCustom = user.has("custom_password_hash");
        if (hasPlain && hasCustom) {
            return new ImportRow.Rejected(index, "password_hash and custom_password_hash cannot both be given");
        }
        Optional<String> hash = Optional.empty();
        if (hasPlain) {
            Optional<String> value = text(user, "password_hash");
            if (value.isEmpty() || !StoredPasswordHashes.isBcrypt(value.get())) {
                return new ImportRow.Rejected(index, "password_hash must be a bcrypt hash ($2a$, $2b$ or $2y$); "
                        + "give other formats in custom_password_hash");
            }
            hash = value;
        } else if (hasCustom) {
            JsonNode custom = user.get("custom_password_hash");
            String algorithm = custom.path("algorithm").isString() ? custom.path("algorithm").stringValue() : "";
            JsonNode value = custom.path("hash").path("value");
            if (!value.isString()) {
                return new ImportRow.Rejected(index, "custom_password_hash.hash.value is missing");
            }
            boolean matchesAlgorithm = switch (algorithm) {
                case "argon2" -> value.stringValue().startsWith("$argon2");
                case "bcrypt" -> StoredPasswordHashes.isBcrypt(value.stringValue());
                default -> false;
            };
            if (!matchesAlgorithm) {
                return new ImportRow.Rejected(index, "custom_password_hash.algorithm must be argon2 (a PHC string) or "
                        + "bcrypt, and the hash must be in that format");
            }
            hash = Optional.of(value.stringValue());
        }
        if (hash.isPresent()) {
            Optional<String> problem = StoredPasswordHashes.problem(hash.get());
            if (problem.isPresent()) {
                return new ImportRow.Rejected(index, "password hash cannot be used: " + problem.get());
            }
        }
        return new ImportRow.Accepted(new ImportedAccount(index, id, email.get(), user.path("email_verified").booleanValue(false),
                hash, user.path("blocked").booleanValue(false)));
    }

    /** The {@code user_id} itself when it is a UUID; otherwise a stable UUID derived from it. */
    static UUID accountId(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(("signet-import:" + userId).getBytes(StandardCharsets.UTF_8));
        }
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
