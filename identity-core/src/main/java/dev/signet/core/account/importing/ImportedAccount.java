package dev.signet.core.account.importing;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One well-formed user of an import file.
 *
 * @param index         the user's position in the file's array, from 0 (how problems are reported)
 * @param id            the account id: the file's {@code user_id} when it is a UUID, a name-based UUID of it
 *                      otherwise (so importing the same file twice gives the same ids), random without one
 * @param email         the email address, trimmed
 * @param emailVerified the file's {@code email_verified}
 * @param passwordHash  a bcrypt or Argon2 PHC hash Signet can verify; absent for users without a password
 * @param blocked       the file's {@code blocked}
 */
public record ImportedAccount(int index, UUID id, String email, boolean emailVerified, Optional<String> passwordHash,
        boolean blocked) {

    public ImportedAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "ImportedAccount[index=" + index + ", id=" + id + ", emailVerified=" + emailVerified + ", password="
                + passwordHash.isPresent() + ", blocked=" + blocked + "]";
    }
}
