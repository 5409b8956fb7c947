package dev.signet.bulkimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * One well-formed user of an import file.
 *
 * @param row           the user's position in the file's array, from 1 (how the report names it)
 * @param userId        the source system's {@code user_id}, when given
 * @param email         the email address, trimmed
 * @param emailVerified the file's {@code email_verified}
 * @param blocked       the file's {@code blocked}
 * @param passwordHash  the hash to store (see {@link ImportedPasswordHash}); absent for users without a password
 * @param profileJson   names, phone number and metadata, as a JSON object
 * @param legacy        a legacy identity the row names, kept for linking later
 */
public record ImportUser(int row, Optional<String> userId, String email, boolean emailVerified, boolean blocked,
        Optional<String> passwordHash, String profileJson, Optional<LegacyIdentity> legacy) implements ImportRow {

    /** A sign-in system's identity for this person: the connector's id and the subject there. */
    public record LegacyIdentity(String connector, String subject) {
    }

    public ImportUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(profileJson, "profileJson");
        Objects.requireNonNull(legacy, "legacy");
    }

    /** SHA-256 of everything the import writes for this row: equal digests mean there is nothing to update. */
    public byte[] digest() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (String part : new String[] {userId.orElse(""), email, Boolean.toString(emailVerified),
                Boolean.toString(blocked), passwordHash.orElse(""), profileJson,
                legacy.map(LegacyIdentity::connector).orElse(""), legacy.map(LegacyIdentity::subject).orElse("")}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // Length-prefixed, so that moving text from one field to the next changes the digest.
            sha256.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length});
            sha256.update(bytes);
        }
        return sha256.digest();
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "ImportUser[row=" + row + ", userId=" + userId.orElse("-") + ", emailVerified=" + emailVerified
                + ", blocked=" + blocked + ", password=" + passwordHash.isPresent() + "]";
    }
}
