package dev.signet.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.bulkimport.ImportFileReader;
import dev.signet.bulkimport.ImportRow;
import dev.signet.bulkimport.ImportUser;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.argon2.Argon2Cost;
import dev.signet.core.password.argon2.Argon2idPasswordHasher;
import dev.signet.server.credentials.LegacyCompatiblePasswordHasher;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code custom_password_hash} algorithm, and self-describing strings in {@code password_hash}, with hashes made
 * by Python's hashlib/hmac and OpenSSL ({@code import-vectors/generate.py}): the row is accepted, the stored form
 * verifies the password at sign-in, asks to be replaced by Argon2id, and refuses a wrong password.
 */
class CustomPasswordHashVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ImportFileReader reader = new ImportFileReader();
    private final LegacyCompatiblePasswordHasher hasher = new LegacyCompatiblePasswordHasher(
            new Argon2idPasswordHasher(new Argon2Cost(1024, 1, 1), 1));

    record Vector(String name, String password, String command, JsonNode user) {
        @Override
        public String toString() {
            return name + " (" + command + ")";
        }
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = CustomPasswordHashVectorsTest.class
                .getResourceAsStream("/import-vectors/custom-password-hash.json")) {
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode node : JSON.readTree(in)) {
                vectors.add(new Vector(node.get("name").stringValue(), node.get("password").stringValue(),
                        node.get("command").stringValue(), node.get("user")));
            }
            return vectors;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void importedHashVerifiesThePasswordAndAsksForArgon2id(Vector vector) {
        ImportRow row = reader.user(1, vector.user());

        assertThat(row).isInstanceOf(ImportUser.class);
        String stored = ((ImportUser) row).passwordHash().orElseThrow();
        assertThat(hasher.verify(vector.password(), stored)).isEqualTo(new PasswordCheck.Matches(true));
        assertThat(hasher.verify(vector.password() + "!", stored)).isEqualTo(new PasswordCheck.DoesNotMatch());
        assertThat(hasher.verify("", stored)).isEqualTo(new PasswordCheck.DoesNotMatch());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theUpgradedHashIsArgon2idAndNoLongerAsksForAnUpgrade(Vector vector) {
        String upgraded = hasher.hash(vector.password());

        assertThat(upgraded).startsWith("$argon2id$");
        assertThat(hasher.verify(vector.password(), upgraded)).isEqualTo(new PasswordCheck.Matches(false));
    }
}
