package dev.signet.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportFileReaderTest {

    private static final String BCRYPT = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final String SHA256_HEX = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    private final ImportFileReader reader = new ImportFileReader();
    private final List<ImportUser> accepted = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();

    private void read(String json) {
        reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), accepted::add, rejected::add);
    }

    @Test
    void auth0UserWithProfileAndBcryptIsReadWithItsFields() {
        read("""
                [{"email": " Ada@Example.com ", "email_verified": true, "user_id": "auth0|42", "given_name": "Ada",
                  "family_name": "Lovelace", "name": "Ada Lovelace", "phone_number": "+447700900123",
                  "app_metadata": {"plan": "gold"}, "user_metadata": {"lang": "cy"}, "username": "ignored",
                  "password_hash": "%s"}]""".formatted(BCRYPT));

        assertThat(rejected).isEmpty();
        ImportUser user = accepted.get(0);
        assertThat(user.row()).isEqualTo(1);
        assertThat(user.email()).isEqualTo("Ada@Example.com");
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.blocked()).isFalse();
        assertThat(user.userId()).contains("auth0|42");
        assertThat(user.passwordHash()).contains(BCRYPT);
        assertThat(user.profileJson()).contains("\"given_name\":\"Ada\"").contains("\"plan\":\"gold\"")
                .contains("\"phone_number\":\"+447700900123\"").doesNotContain("ignored");
        assertThat(user.toString()).doesNotContain(BCRYPT);
    }

    @Test
    void eachBrokenRowIsRejectedWithItsRowNumberAndReasonAndTheRestAreRead() {
        read("""
                [{"email": "one@example.com"},
                 {"email": "not an email", "user_id": "u2"},
                 42,
                 {"email": "four@example.com", "password_hash": "%s",
                  "custom_password_hash": {"algorithm": "bcrypt", "hash": {"value": "%s"}}},
                 {"email": "five@example.com", "user_id": "u5", "custom_password_hash":
                    {"algorithm": "sha256", "hash": {"value": "%s", "encoding": "hex",
                     "salt": {"value": "pepper", "position": "middle"}}}},
                 {"email": "six@example.com", "custom_password_hash": {"algorithm": "whirlpool",
                    "hash": {"value": "x"}}},
                 {"email": "seven@example.com", "custom_password_hash": {"algorithm": "md5",
                    "hash": {"value": "%s", "encoding": "hex"}}},
                 {"email": "eight@example.com", "password_hash": "plain-text-password"},
                 {"email": "nine@example.com", "email_verified": "yes"},
                 {"email": "ten@example.com", "legacy_identity": {"connector": "vehicle-tax"}},
                 {"email": "eleven@example.com", "user_id": "u11", "legacy_identity":
                    {"connector": "vehicle-tax", "subject": "VT-11"}}]
                """.formatted(BCRYPT, BCRYPT, SHA256_HEX, SHA256_HEX));

        assertThat(accepted).extracting(ImportUser::row).containsExactly(1, 11);
        assertThat(accepted.get(1).legacy()).contains(new ImportUser.LegacyIdentity("vehicle-tax", "VT-11"));
        assertThat(rejected).extracting(RejectedRow::row).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(rejected.get(0).userId()).contains("u2");
        assertThat(rejected.get(0).reason()).contains("email");
        assertThat(rejected.get(1).reason()).isEqualTo("not a JSON object");
        assertThat(rejected.get(2).reason()).contains("cannot both be given");
        assertThat(rejected.get(3).reason()).contains("salt.position must be prefix or suffix");
        assertThat(rejected.get(4).reason()).contains("algorithm must be one of");
        // An MD5 is 16 bytes; a SHA-256 written under algorithm md5 is refused, without repeating it.
        assertThat(rejected.get(5).reason()).contains("md5 hash is 16 bytes");
        assertThat(rejected.get(6).reason()).contains("no format Signet can verify");
        assertThat(rejected.get(7).reason()).contains("true or false");
        assertThat(rejected.get(8).reason()).contains("legacy_identity");
        assertThat(rejected).allSatisfy(row -> assertThat(row.reason()).doesNotContain(BCRYPT)
                .doesNotContain(SHA256_HEX).doesNotContain("plain-text-password").doesNotContain("pepper"));
    }

    @Test
    void rowsAreHandedOverOneByOneWhileTheFileIsRead() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(
                "[{\"email\": \"a@example.com\"}, {\"email\": \"b@example.com\"}, {\"email\": "
                        .getBytes(StandardCharsets.UTF_8)), user -> seen.add(user.row()), rejected::add))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("line 1");

        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void aFileThatIsNotAnArrayIsRefusedWhole() {
        assertThatThrownBy(() -> read("{\"email\": \"a@example.com\"}"))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> read("[{\"email\": \"a@example.com\"}"))
                .isInstanceOf(ImportFileException.class);
    }

    @Test
    void theDigestChangesWithAnyFieldAndNotOtherwise() {
        read("""
                [{"email": "a@example.com", "user_id": "1", "given_name": "Ada"},
                 {"email": "a@example.com", "user_id": "1", "given_name": "Ada"},
                 {"email": "a@example.com", "user_id": "1", "given_name": "Adah"},
                 {"email": "a@example.com", "user_id": "1", "given_name": "Ada", "email_verified": true}]""");

        assertThat(accepted.get(0).digest()).isEqualTo(accepted.get(1).digest())
                .isNotEqualTo(accepted.get(2).digest()).isNotEqualTo(accepted.get(3).digest());
        assertThat(accepted.get(0).passwordHash()).isEqualTo(Optional.empty());
    }

    @Test
    void anScryptCostTheSignInCouldNotAffordIsRejectedAtImport() {
        read("""
                [{"email": "s@example.com", "custom_password_hash": {"algorithm": "scrypt", "hash": {
                  "value": "%s", "encoding": "hex", "salt": {"value": "c2FsdA==", "encoding": "base64"},
                  "keylen": 32, "cost": 1073741824, "blockSize": 8, "parallelization": 1}}}]""".formatted(SHA256_HEX));

        assertThat(accepted).isEmpty();
        assertThat(rejected.get(0).reason()).contains("at most 256 MiB");
    }
}
