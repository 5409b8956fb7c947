package dev.signet.connector.legacydb.hash;

import java.util.Objects;

/**
 * How to read the hashes that carry no prefix of their own: as plain digests or as HMACs keyed with a pepper, and
 * where a row's separate salt joins the password.
 *
 * @param unprefixed   {@link Unprefixed#DIGEST} or {@link Unprefixed#HMAC}
 * @param pepper       the HMAC key (the application-wide secret); empty unless {@code unprefixed} is HMAC
 * @param saltPosition where a row's salt goes: before the password or after it
 */
public record HashOptions(Unprefixed unprefixed, byte[] pepper, SaltPosition saltPosition) {

    /** What an unprefixed hash is. */
    public enum Unprefixed { DIGEST, HMAC }

    /** Where a separate salt joins the password. */
    public enum SaltPosition { BEFORE, AFTER }

    public HashOptions {
        Objects.requireNonNull(unprefixed, "unprefixed");
        Objects.requireNonNull(saltPosition, "saltPosition");
        pepper = pepper.clone();
        if (unprefixed == Unprefixed.HMAC && pepper.length == 0) {
            throw new IllegalArgumentException("HMAC hashes need a pepper");
        }
    }

    /** Plain digests, salt after the password. */
    public static HashOptions defaults() {
        return new HashOptions(Unprefixed.DIGEST, new byte[0], SaltPosition.AFTER);
    }

    @Override
    public byte[] pepper() {
        return pepper.clone();
    }

    @Override
    public String toString() {
        return "HashOptions[unprefixed=" + unprefixed + ", pepper=(redacted), saltPosition=" + saltPosition + "]";
    }
}
