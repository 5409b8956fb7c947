package dev.signet.connector.legacydb.hash;

import java.util.Optional;

/** One family of legacy hash formats: recognises its stored strings and checks a password against them. */
interface HashFormat {

    /** Whether {@code stored} is written in this format (by its prefix, mostly). */
    boolean recognises(String stored);

    /**
     * Checks the password's UTF-8 bytes against {@code stored}. Throws nothing for a malformed value: it is
     * {@link HashCheck.Unreadable}.
     *
     * @param salt the row's separate salt column, for formats that keep the salt outside the hash
     */
    HashCheck check(byte[] password, String stored, Optional<String> salt);
}
