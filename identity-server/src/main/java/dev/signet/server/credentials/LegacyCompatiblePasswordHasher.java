package dev.signet.server.credentials;

import dev.signet.connector.Password;
import dev.signet.connector.legacydb.hash.HashCheck;
import dev.signet.connector.legacydb.hash.HashOptions;
import dev.signet.connector.legacydb.hash.LegacyPasswordHashes;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.argon2.StoredPasswordHashes;
import dev.signet.bulkimport.SaltedDigest;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

/**
 * Signet's password hasher (new hashes are always Argon2id) that also verifies the legacy hashes a bulk import stores
 * (docs/bulk-import.md): self-describing legacy strings (PBKDF2 in its PHC, Django and Werkzeug forms, crypt(3),
 * RFC 2307, scrypt, phpass) through the legacy-database connector's hash library, and Auth0's salted and HMAC digests
 * in {@link SaltedDigest} form. A legacy hash that matches always reports {@code needsRehash}, so the sign-in replaces
 * it with Argon2id at once and the legacy hash is checked at most once per citizen.
 *
 * <p>Argon2 and bcrypt hashes go to the wrapped hasher unchanged. Legacy systems hashed the text as typed, so the raw
 * password is tried first and its NFKC form (how Signet hashes) only when that differs.
 */
public final class LegacyCompatiblePasswordHasher implements PasswordHasher {

    private static final int MAX_STORED_LENGTH = 4096;

    private final PasswordHasher current;
    private final LegacyPasswordHashes legacy = new LegacyPasswordHashes(HashOptions.defaults());

    public LegacyCompatiblePasswordHasher(PasswordHasher current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    @Override
    public String hash(CharSequence password) {
        return current.hash(password);
    }

    @Override
    public PasswordCheck verify(CharSequence password, String storedHash) {
        Objects.requireNonNull(password, "password");
        if (storedHash == null || StoredPasswordHashes.problem(storedHash).isEmpty()
                || StoredPasswordHashes.isBcrypt(storedHash) || storedHash.startsWith("$argon2")) {
            return current.verify(password, storedHash);
        }
        if (storedHash.length() > MAX_STORED_LENGTH) {
            return new PasswordCheck.UnreadableHash("hash too long");
        }
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        PasswordCheck raw = verifyLegacy(password, storedHash);
        if (raw instanceof PasswordCheck.DoesNotMatch && !normalised.contentEquals(password)) {
            return verifyLegacy(normalised, storedHash);
        }
        return raw;
    }

    private PasswordCheck verifyLegacy(CharSequence password, String storedHash) {
        if (SaltedDigest.recognises(storedHash)) {
            Optional<SaltedDigest> digest = SaltedDigest.parse(storedHash);
            if (digest.isEmpty()) {
                return new PasswordCheck.UnreadableHash("malformed imported digest");
            }
            return digest.get().matches(password) ? new PasswordCheck.Matches(true) : new PasswordCheck.DoesNotMatch();
        }
        if (!legacy.recognisesSelfDescribing(storedHash)) {
            // An unprefixed value could be read as a bare digest; nothing Signet stores is one, so it is not guessed.
            return new PasswordCheck.UnreadableHash("unknown hash format");
        }
        try (Password typed = Password.of(password.toString())) {
            HashCheck check = legacy.check(typed, storedHash, Optional.empty());
            if (check instanceof HashCheck.Matches) {
                return new PasswordCheck.Matches(true);
            }
            if (check instanceof HashCheck.Unreadable unreadable) {
                return new PasswordCheck.UnreadableHash(unreadable.reason());
            }
            return new PasswordCheck.DoesNotMatch();
        }
    }
}
