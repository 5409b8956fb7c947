package dev.signet.core.password.argon2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordCheck.DoesNotMatch;
import dev.signet.core.password.PasswordCheck.Matches;
import dev.signet.core.password.PasswordCheck.UnreadableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors made on this machine by independent tools: Debian's {@code argon2} CLI (the reference implementation,
 * {@code echo -n PASSWORD | argon2 SALT -id -t 2 -k 19456 -p 1 -l 32 -e}), {@code htpasswd -bnBC 10} ($2y$) and
 * {@code mkpasswd -m bcrypt -R 10} ($2b$).
 */
class Argon2idPasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    // argon2 CLI, Signet's default parameters and a 16-byte salt, 32-byte output.
    private static final String ARGON2ID_CURRENT =
            "$argon2id$v=19$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic";
    // argon2 CLI, Keycloak's default parameters.
    private static final String ARGON2ID_KEYCLOAK =
            "$argon2id$v=19$m=7168,t=5,p=1$M2JMOHNHY2ExZERsS21QUQ$NNW+Dmu6U0tSxwAR7Wm+1lmN4kwVl99QhXTGatoEEA4";
    private static final String ARGON2I =
            "$argon2i$v=19$m=4096,t=3,p=2$TlIxa21JTXI5VUdNclE0Tw$0Cxmi2Ju498coVXzXyqxW9uiBwiEWX83IIDTnQGHwlg";
    private static final String ARGON2D =
            "$argon2d$v=19$m=8192,t=2,p=1$YVhxUlpyeFdLN1pUQTNOMA$jwdLbb+wr16MnJNBv1pYEVAQTQWlgDgddHCfWnaF7oE";
    // argon2 CLI -v 10: the older Argon2 version 0x10.
    private static final String ARGON2ID_VERSION_16 =
            "$argon2id$v=16$m=19456,t=2,p=1$dVlEeUI5ODNnUjJqQnNFcA$qFqgZvpVsk0KR7ceoX5WbPflIMSTR5ceO4EKwcm2Zzc";
    // argon2 CLI -l 64: a longer output than Signet writes.
    private static final String ARGON2ID_64_BYTES = "$argon2id$v=19$m=19456,t=2,p=1$QTd0V3F4RnhKRHVvbHUyUQ$"
            + "bied5e1TwYvh801OlZkMf/WoNGQNx0JR1bpfYpkEQk/S5+OPmSkE/IesL1NDHIovyMOAdmcD5i6uZR1pWp27jQ";
    // argon2 CLI, password "Pässwörd 🔑 ünïcode" (NFC, as typed): already NFKC.
    private static final String ARGON2ID_UNICODE =
            "$argon2id$v=19$m=19456,t=2,p=1$VjFpQ0ZqalVtWndETVU5QQ$zLssDdk3oka3Vd6V9HCoRszkaWOxu3UaRA3QfykWNno";
    // argon2 CLI, raw password "ﬁsh and chips １２３" (ligature, full-width digits), not normalised.
    private static final String ARGON2ID_UNNORMALISED =
            "$argon2id$v=19$m=19456,t=2,p=1$a3Fwb0g4eDJ1MmdlbUc2ZQ$1TzMjgG9bD+/+rP7HNighoShBAlc2EqO6+7oFcvG/t0";
    private static final String BCRYPT_2Y = "$2y$10$1DUDJiONpYpTjWDuG75XNOWA3uId8BzkfahY2CLf.zE4xOTekK15y";
    private static final String BCRYPT_2B = "$2b$10$93/La1mE73p8QTjdujacquwiknqLcqfehJmHlO5l2nFZxymnsyOcu";
    // $2a$ and $2b$ compute the same hash for passwords under 255 bytes; Auth0 exports $2a$.
    private static final String BCRYPT_2A = "$2a$" + BCRYPT_2B.substring(4);
    // htpasswd -bnBC 5, an 83-byte password: bcrypt reads only the first 72 bytes.
    private static final String LONG_PASSWORD =
            "an eighty character password that is longer than the seventy-two bytes bcrypt reads";
    private static final String BCRYPT_LONG = "$2y$05$zI5FL/PH7.Cj76sczG9ZBebak5IIwXc9JJjvEr0qyufKSREiIR93G";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(Argon2Cost.DEFAULT, 4);

    @Test
    void referenceHashWithCurrentParametersMatchesWithoutRehash() {
        assertThat(hasher.verify(PASSWORD, ARGON2ID_CURRENT)).isEqualTo(new Matches(false));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        assertThat(hasher.verify("correct horse battery stapler", ARGON2ID_CURRENT)).isInstanceOf(DoesNotMatch.class);
        assertThat(hasher.verify("", ARGON2ID_CURRENT)).isInstanceOf(DoesNotMatch.class);
        assertThat(hasher.verify("Correct horse battery staple", BCRYPT_2Y)).isInstanceOf(DoesNotMatch.class);
    }

    @Test
    void hashesWithOtherParametersTypesOrVersionsMatchAndNeedRehash() {
        for (String stored : List.of(ARGON2ID_KEYCLOAK, ARGON2I, ARGON2D, ARGON2ID_VERSION_16, ARGON2ID_64_BYTES)) {
            assertThat(hasher.verify(PASSWORD, stored)).as(stored).isEqualTo(new Matches(true));
            assertThat(hasher.verify("wrong password", stored)).as(stored).isInstanceOf(DoesNotMatch.class);
        }
    }

    @Test
    void keycloakParametersAreCurrentWhenConfigured() {
        Argon2idPasswordHasher keycloak = new Argon2idPasswordHasher(new Argon2Cost(7168, 5, 1), 1);

        assertThat(keycloak.verify(PASSWORD, ARGON2ID_KEYCLOAK)).isEqualTo(new Matches(false));
        assertThat(keycloak.verify(PASSWORD, ARGON2ID_CURRENT)).isEqualTo(new Matches(true));
    }

    @Test
    void bcryptFromHtpasswdAndMkpasswdMatchesAndNeedsRehash() {
        for (String stored : List.of(BCRYPT_2Y, BCRYPT_2B, BCRYPT_2A)) {
            assertThat(hasher.verify(PASSWORD, stored)).as(stored).isEqualTo(new Matches(true));
        }
    }

    @Test
    void bcryptReadsOnlyTheFirst72BytesLikeItsProducers() {
        assertThat(hasher.verify(LONG_PASSWORD, BCRYPT_LONG)).isEqualTo(new Matches(true));
        assertThat(hasher.verify(LONG_PASSWORD.substring(0, 72) + "something else", BCRYPT_LONG))
                .isEqualTo(new Matches(true));
        assertThat(hasher.verify(LONG_PASSWORD.substring(0, 71), BCRYPT_LONG)).isInstanceOf(DoesNotMatch.class);
    }

    @Test
    void passwordsAreHashedAsUtf8() {
        assertThat(hasher.verify("Pässwörd 🔑 ünïcode", ARGON2ID_UNICODE)).isEqualTo(new Matches(false));
        // The same text in decomposed form (a + combining diaeresis) is normalised before hashing.
        String decomposed = java.text.Normalizer.normalize("Pässwörd 🔑 ünïcode", java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Pässwörd 🔑 ünïcode");
        assertThat(hasher.verify(decomposed, ARGON2ID_UNICODE)).isEqualTo(new Matches(false));
    }

    @Test
    void hashOfUnnormalisedTextFromAnotherSystemMatchesAndNeedsRehash() {
        assertThat(hasher.verify("ﬁsh and chips １２３", ARGON2ID_UNNORMALISED)).isEqualTo(new Matches(true));
        assertThat(hasher.verify("fish and chips 123", ARGON2ID_UNNORMALISED)).isInstanceOf(DoesNotMatch.class);
    }

    @Test
    void signetHashesAreArgon2idPhcStringsWithCurrentParametersAndRandomSalt() {
        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
        // 16-byte salt and 32-byte hash, unpadded Base64.
        String[] parts = first.split("\\$");
        assertThat(parts[4]).hasSize(22);
        assertThat(parts[5]).hasSize(43);
        assertThat(hasher.verify(PASSWORD, first)).isEqualTo(new Matches(false));
        assertThat(hasher.verify("wrong", first)).isInstanceOf(DoesNotMatch.class);
    }

    @Test
    void compatibilityCharactersAreNormalisedBeforeHashing() {
        String stored = hasher.hash("ﬁsh and chips １２３");

        assertThat(hasher.verify("fish and chips 123", stored)).isEqualTo(new Matches(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plaintext",
        "$argon2id$v=19$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQ",
        "$argon2id$v=19$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$",
        "$argon2id$v=19$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$Jy!qKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2id$v=18$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2id$v=19$m=4,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2id$v=19$m=99999999999,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2id$v=19$m=19456,t=65,p=1$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2id$v=19$m=19456,t=2,p=0$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2id$v=19$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQabc$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$argon2x$v=19$m=19456,t=2,p=1$a3RmcUpUV042QjZYajMwRQ$JyMqKH9ehGSDPzePzRrzAQB3q1sJfbaDIJXaRfBHvic",
        "$2x$10$93/La1mE73p8QTjdujacquwiknqLcqfehJmHlO5l2nFZxymnsyOcu",
        "$2b$10$93/La1mE73p8QTjdujacquwiknqLcqfehJmHlO5l2nFZxymnsyOc",
        "$2b$03$93/La1mE73p8QTjdujacquwiknqLcqfehJmHlO5l2nFZxymnsyOcu",
        "$2b$31$93/La1mE73p8QTjdujacquwiknqLcqfehJmHlO5l2nFZxymnsyOcu",
        "{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
        "$6$saltsalt$hash"
    })
    void malformedOrUnsupportedHashesAreUnreadableNotExceptions(String stored) {
        PasswordCheck check = hasher.verify(PASSWORD, stored);

        assertThat(check).isInstanceOf(UnreadableHash.class);
        assertThat(((UnreadableHash) check).reason()).isNotBlank().doesNotContain(stored.isEmpty() ? "$" : stored);
    }

    @Test
    void nullHashIsUnreadable() {
        assertThat(hasher.verify(PASSWORD, null)).isInstanceOf(UnreadableHash.class);
    }

    @Test
    void oneHasherServesManyThreads() throws Exception {
        Argon2idPasswordHasher small = new Argon2idPasswordHasher(new Argon2Cost(64, 1, 1), 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String password = "password number " + i;
                calls.add(() -> small.verify(password, small.hash(password)).equals(new Matches(false))
                        && small.verify(password + "x", small.hash(password)) instanceof DoesNotMatch);
            }
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
