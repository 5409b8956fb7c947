package dev.signet.connector.legacydb.hash;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt, {@code $2a$}, {@code $2b$} and {@code $2y$} (PHP's name for the fixed {@code $2a$}): all three compute the
 * same hash for passwords shorter than 256 bytes. Like OpenBSD and PHP, only the first 72 bytes of a password count.
 */
final class Bcrypt implements HashFormat {

    static final int MAX_COST = 18;
    private static final Pattern FORMAT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    @Override
    public boolean recognises(String stored) {
        return stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$");
    }

    @Override
    public HashCheck check(byte[] password, String stored, Optional<String> salt) {
        Matcher matcher = FORMAT.matcher(stored);
        if (!matcher.matches()) {
            return new HashCheck.Unreadable("malformed bcrypt hash");
        }
        int cost = Integer.parseInt(matcher.group(1));
        if (cost < 4 || cost > MAX_COST) {
            return new HashCheck.Unreadable("bcrypt cost " + cost + " outside 4.." + MAX_COST);
        }
        byte[] counted = Arrays.copyOf(password, Math.min(password.length, 72));
        try {
            // OpenBSDBCrypt compares in constant time
            return HashCheck.of("bcrypt", OpenBSDBCrypt.checkPassword(stored, counted));
        } catch (IllegalArgumentException e) {
            return new HashCheck.Unreadable("malformed bcrypt hash");
        } finally {
            Arrays.fill(counted, (byte) 0);
        }
    }
}
