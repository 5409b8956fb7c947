package dev.signet.server.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.argon2.Argon2Cost;
import dev.signet.core.password.argon2.Argon2idPasswordHasher;
import org.junit.jupiter.api.Test;

class LegacyCompatiblePasswordHasherTest {

    private final Argon2idPasswordHasher argon2 = new Argon2idPasswordHasher(new Argon2Cost(1024, 1, 1), 1);
    private final LegacyCompatiblePasswordHasher hasher = new LegacyCompatiblePasswordHasher(argon2);

    @Test
    void newHashesAreArgon2idAndCurrentOnesNeedNoUpgrade() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isEqualTo(new PasswordCheck.Matches(false));
    }

    @Test
    void unreadableValuesAreAnOutcomeNotAGuess() {
        // A bare hex digest names no format: Signet never stores one, so it is not read as MD5.
        assertThat(hasher.verify("password", "5f4dcc3b5aa765d61d8327deb882cf99"))
                .isInstanceOf(PasswordCheck.UnreadableHash.class);
        assertThat(hasher.verify("password", "$signet-digest$d=sha256,s=none,p=utf8$$dG9vc2hvcnQ"))
                .isInstanceOf(PasswordCheck.UnreadableHash.class);
        assertThat(hasher.verify("password", "$signet-hmac$d=sha256,s=none,p=utf8$$"
                + "XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg")).isInstanceOf(PasswordCheck.UnreadableHash.class);
        assertThat(hasher.verify("password", "$6$rounds=999999999$salt$x"))
                .isInstanceOf(PasswordCheck.UnreadableHash.class);
        assertThat(hasher.verify("password", "$2x$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"))
                .isInstanceOf(PasswordCheck.UnreadableHash.class);
    }

    @Test
    void aPasswordTypedInAnotherUnicodeFormMatchesALegacyHashOfEither() {
        // {SHA} of "café" with a precomposed é (U+00E9), as slappasswd would make it: base64(sha1(utf8)).
        String precomposed = "{SHA}" + java.util.Base64.getEncoder().encodeToString(sha1("caf\u00e9"));

        assertThat(hasher.verify("caf\u00e9", precomposed)).isEqualTo(new PasswordCheck.Matches(true));
        assertThat(hasher.verify("cafe\u0301", precomposed)).isEqualTo(new PasswordCheck.Matches(true));
        assertThat(hasher.verify("cafe", precomposed)).isEqualTo(new PasswordCheck.DoesNotMatch());
    }

    private static byte[] sha1(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
