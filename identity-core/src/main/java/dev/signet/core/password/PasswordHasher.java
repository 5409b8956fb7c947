package dev.signet.core.password;

/**
 * Hashes citizens' passwords for storage and checks a typed password against a stored hash. Signet's own hashes are
 * Argon2id PHC strings; a hash made with older or weaker parameters still verifies and reports that it needs an
 * upgrade, so the caller can re-hash on the next successful sign-in.
 */
public interface PasswordHasher {

    /** A PHC string ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}) for the password. */
    String hash(CharSequence password);

    /** Checks the password against a stored hash in constant time; a malformed hash is an outcome, not an exception. */
    PasswordCheck verify(CharSequence password, String storedHash);
}
