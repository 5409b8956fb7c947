package dev.signet.connector.legacydb.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.signet.connector.Password;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyPasswordHashesTest {

    static List<HashVectors.Vector> vectors() {
        return HashVectors.all();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theRightPasswordMatchesAHashMadeByAnIndependentTool(HashVectors.Vector vector) {
        HashCheck check = new LegacyPasswordHashes(vector.options()).check(Password.of(vector.password()),
                vector.hash(), vector.salt());
        assertThat(check).isEqualTo(new HashCheck.Matches(vector.format()));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void aWrongPasswordDoesNotMatch(HashVectors.Vector vector) {
        LegacyPasswordHashes hashes = new LegacyPasswordHashes(vector.options());
        assertThat(hashes.check(Password.of(vector.password() + "x"), vector.hash(), vector.salt()))
                .isEqualTo(new HashCheck.Mismatch(vector.format()));
        String lastCharacterChanged = vector.password().substring(0, vector.password().length() - 1)
                + (char) (vector.password().charAt(vector.password().length() - 1) ^ 1);
        assertThat(hashes.check(Password.of(lastCharacterChanged), vector.hash(), vector.salt()))
                .isEqualTo(new HashCheck.Mismatch(vector.format()));
    }

    @Test
    void everyFormatOfTheIssueHasVectors() {
        Set<String> formats = vectors().stream().map(HashVectors.Vector::format).collect(Collectors.toSet());
        assertThat(formats).contains("bcrypt", "argon2", "scrypt", "pbkdf2", "django-pbkdf2", "werkzeug-pbkdf2",
                "md5-crypt", "apr1-crypt", "sha256-crypt", "sha512-crypt", "rfc2307", "digest", "hmac", "phpass",
                "aspnet-identity-v2", "aspnet-identity-v3");
        Set<String> prefixes = vectors().stream().map(v -> v.hash().replaceAll("^(\\$[^$]+\\$|\\{[A-Z0-9]+\\}).*", "$1"))
                .collect(Collectors.toSet());
        assertThat(prefixes).contains("$2a$", "$2b$", "$2y$", "$argon2i$", "$argon2id$", "$scrypt$", "$pbkdf2$",
                "$pbkdf2-sha256$", "$pbkdf2-sha512$", "$1$", "$apr1$", "$5$", "$6$", "$P$", "$H$", "{MD5}", "{SMD5}",
                "{SHA}", "{SSHA}", "{SHA256}", "{SSHA256}", "{SHA512}", "{SSHA512}", "{CRYPT}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "$2b$05$short", "$2b$99$ny31VYkAgGYPnvWZD11kD.f5L1WoXSz1xTNAYzknO6tMZcOPF1yhK",
        "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "$argon2id$v=19$m=1024,t=2,p=1$$",
        "$argon2id$v=77$m=1024,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", "$scrypt$ln=40,r=8,p=1$c2FsdA$aGFzaGhhc2g",
        "$scrypt$ln=10,r=9999,p=9999$c2FsdA$aGFzaGhhc2g", "scrypt:1000:8:1$salt$abcdef",
        "$pbkdf2-sha256$999999999$c2FsdA$aGFzaGhhc2hoYXNo", "$pbkdf2-md4$1000$c2FsdA$aGFzaGhhc2g",
        "pbkdf2:sha256$salt$abcdef", "pbkdf2_sha256$1000$salt$not base64!", "$1$toolongsalt$abc", "$apr1$$",
        "$5$rounds=999999999$salt$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "$6$salt$tooshort", "{SSHA}", "{SHA}not-base64!",
        "{SHA}AAAA", "{UNKNOWN}abc", "{CRYPT}$3$abc", "$P$Xshort", "$P$~12345678901234567890123456789a",
        "$H$z12345678901234567890123456789a", "0123456789abcdef", "zzzz", "AQAAAAEAACcQAAAAEA==",
        "$7$CU..../....abc", "plain text password"})
    void aMalformedOrUnsupportedHashIsUnreadableNeverAnException(String stored) {
        HashCheck check = new LegacyPasswordHashes(HashOptions.defaults()).check(Password.of("secret"), stored,
                Optional.empty());
        assertThat(check).isInstanceOf(HashCheck.Unreadable.class);
        assertThat(((HashCheck.Unreadable) check).reason()).doesNotContain("secret");
    }

    /**
     * Formats whose key length is read from the stored value: a truncated key is a shorter key of the same
     * derivation, and still matches while at least 16 bytes remain. Every other format has a fixed layout.
     */
    private static final Set<String> VARIABLE_LENGTH = Set.of("argon2", "scrypt", "werkzeug-scrypt", "pbkdf2",
            "django-pbkdf2", "werkzeug-pbkdf2", "aspnet-identity-v3");

    @Test
    void corruptedVectorsNeverThrowAndFixedLayoutsNeverMatch() {
        Random random = new Random(20260101);
        for (HashVectors.Vector vector : vectors()) {
            LegacyPasswordHashes hashes = new LegacyPasswordHashes(vector.options());
            for (int i = 0; i < 5; i++) {
                String significant = vector.hash().replaceAll("=+$", ""); // base64 padding is optional
                String truncated = significant.substring(0, random.nextInt(significant.length()));
                HashCheck check = hashes.check(Password.of(vector.password()), truncated, vector.salt());
                if (!VARIABLE_LENGTH.contains(vector.format())) {
                    assertThat(check).as("%s truncated to %d", vector, truncated.length())
                            .isNotInstanceOf(HashCheck.Matches.class);
                }
                char[] mutated = vector.hash().toCharArray();
                mutated[random.nextInt(mutated.length)] = "$={}.:/+,=0aZ\u00e9\u0000".charAt(random.nextInt(15));
                assertThatCode(() -> hashes.check(Password.of(vector.password()), new String(mutated), vector.salt()))
                        .as("%s mutated", vector).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void derivedKeysShorterThan16BytesAreUnreadable() {
        HashVectors.Vector django = vectors().stream().filter(v -> v.format().equals("django-pbkdf2")).findFirst()
                .orElseThrow();
        String shortKey = django.hash().substring(0, django.hash().lastIndexOf('$') + 1) + "AAAAAAAAAAAAAAAAAAA=";
        assertThat(new LegacyPasswordHashes(django.options()).check(Password.of(django.password()), shortKey,
                django.salt())).isInstanceOf(HashCheck.Unreadable.class);
    }

    @Test
    void bcryptCountsOnlyTheFirst72Bytes() {
        // OpenBSD and PHP ignore bytes after the 72nd; a legacy hash of a long password must still verify.
        String a72 = "a".repeat(72);
        String stored = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2b",
                a72.toCharArray(), new byte[16], 4);
        LegacyPasswordHashes hashes = new LegacyPasswordHashes(HashOptions.defaults());
        assertThat(hashes.check(Password.of(a72 + "ignored"), stored, Optional.empty()))
                .isInstanceOf(HashCheck.Matches.class);
        assertThat(hashes.check(Password.of("a".repeat(71)), stored, Optional.empty()))
                .isInstanceOf(HashCheck.Mismatch.class);
    }

    @Test
    void hexDigestsAreReadInEitherCase() {
        HashVectors.Vector hex = vectors().stream()
                .filter(v -> v.format().equals("digest") && v.hash().matches("[0-9a-f]{40}")).findFirst().orElseThrow();
        assertThat(new LegacyPasswordHashes(hex.options()).check(Password.of(hex.password()),
                hex.hash().toUpperCase(), hex.salt())).isEqualTo(new HashCheck.Matches("digest"));
    }

    @Test
    void passwordsLongerThan4096BytesNeverMatch() {
        // PW=$(python3 -c 'print("p"*4096)') python3 legacy_formats.py werkzeug-pbkdf2 sha256 1000, then with 4097:
        // hashlib has no length limit, so both hashes are genuine; the second must still not match.
        String of4096 = "pbkdf2:sha256:1000$vThswjaKRe4tuNXy$15cce22cc879ea3f791fc1210e9e6ea9cf24b7e087273eb54b5c6fbadb41985a";
        String of4097 = "pbkdf2:sha256:1000$6VawQ99wgr32tgu5$c45182d449ad960662da0fa213b5744d65f9096c1bdb7dfaa9cd6f6279c09234";
        LegacyPasswordHashes hashes = new LegacyPasswordHashes(HashOptions.defaults());

        assertThat(hashes.check(Password.of("p".repeat(4096)), of4096, Optional.empty()))
                .isInstanceOf(HashCheck.Matches.class);
        assertThat(hashes.check(Password.of("p".repeat(4097)), of4097, Optional.empty()))
                .isEqualTo(new HashCheck.Mismatch("password-too-long"));
    }

    /** Vectors published by the formats' own projects: a source independent of the generated ones. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        // phpass 0.3, test.php
        "test12345|$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0",
        // ASP.NET Core Identity, PasswordHasherTest: V2; V3 with SHA-256 and 10,000 iterations; V3 with SHA-512, 50
        "my password|AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJg==",
        "my password|AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==",
        "my password|AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw"})
    void publishedVectorsMatch(String password, String stored) {
        LegacyPasswordHashes hashes = new LegacyPasswordHashes(HashOptions.defaults());

        assertThat(hashes.check(Password.of(password), stored, Optional.empty())).isInstanceOf(HashCheck.Matches.class);
        assertThat(hashes.check(Password.of(password + "."), stored, Optional.empty()))
                .isInstanceOf(HashCheck.Mismatch.class);
    }
}
