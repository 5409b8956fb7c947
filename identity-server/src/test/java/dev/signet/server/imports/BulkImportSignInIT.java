package dev.signet.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.password.PasswordCheck;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end: the command imports users whose hashes Python's hashlib and OpenSSL made (a Django PBKDF2 string and an
 * Auth0 {@code custom_password_hash} SHA-256 with a salt), each citizen signs in through the real sign-in pages, and
 * the stored hash is then Argon2id.
 */
class BulkImportSignInIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AuditLog auditLog;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @TempDir
    Path directory;

    private ObjectNode vectorUser(String name, String email) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/import-vectors/custom-password-hash.json")) {
            for (JsonNode vector : JSON.readTree(in)) {
                if (vector.get("name").stringValue().equals(name)) {
                    ObjectNode user = (ObjectNode) vector.get("user").deepCopy();
                    user.put("email", email);
                    user.put("user_id", "it|" + email);
                    user.put("email_verified", true);
                    return user;
                }
            }
        }
        throw new IllegalArgumentException("no vector " + name);
    }

    private String importWithTheCommand(ObjectNode... rows) throws Exception {
        ArrayNode file = JSON.createArrayNode();
        for (ObjectNode user : rows) {
            file.add(user);
        }
        Path users = directory.resolve("users.json");
        Path report = directory.resolve("rejected.jsonl");
        Files.writeString(users, JSON.writeValueAsString(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BulkImportCommand.run(
                new String[] {"--file", users.toString(), "--report", report.toString(), "--batch-size", "50"},
                Map.of("SPRING_DATASOURCE_URL", databaseUrl, "SPRING_DATASOURCE_USERNAME", "postgres")::get,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(Files.readString(report)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importedLegacyHashesSignInThroughThePagesAndBecomeArgon2id() throws Exception {
        String django = uniqueEmail("django");
        String auth0 = uniqueEmail("auth0-sha256");
        String password = "correct horse battery staple";

        String summary = importWithTheCommand(vectorUser("django-pbkdf2-sha256", django),
                vectorUser("sha256-salt-prefix", auth0));

        assertThat(summary).startsWith("{\"created\":2,\"updated\":0,\"unchanged\":0,\"rejected\":0,");
        assertThat(auditLog.find(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Set.of(BulkImportCommand.ACCOUNTS_IMPORTED), Optional.empty(), Optional.empty()),
                Optional.empty(), 1).entries().get(0).event().details())
                .containsEntry("file", "users.json").containsEntry("created", "2").containsEntry("rejected", "0");
        assertThat(accounts.findByEmail(django).orElseThrow().passwordHash().orElseThrow())
                .startsWith("pbkdf2_sha256$260000$");
        assertThat(accounts.findByEmail(auth0).orElseThrow().passwordHash().orElseThrow())
                .startsWith("$signet-digest$d=sha256,s=prefix,p=utf8$");
        for (String email : new String[] {django, auth0}) {
            TestBrowser.Page wrong = signIn(browser(), email, "wrong password entirely");
            assertThat(wrong.body()).contains("The email address or password is not correct");
            assertThat(accounts.findByEmail(email).orElseThrow().passwordHash().orElseThrow())
                    .doesNotStartWith("$argon2id$");

            TestBrowser.Page response = signIn(browser(), email, password);

            assertThat(response.status()).isEqualTo(302);
            assertThat(response.location()).endsWith("/account");
            Account upgraded = accounts.findByEmail(email).orElseThrow();
            assertThat(upgraded.passwordHash().orElseThrow()).startsWith("$argon2id$v=19$");
            assertThat(hasher.verify(password, upgraded.passwordHash().orElseThrow()))
                    .isEqualTo(new PasswordCheck.Matches(false));
            assertThat(signIn(browser(), email, password).location()).endsWith("/account");
        }
    }

    @Test
    void importingAgainAfterTheUpgradeLeavesTheCitizensNewHashAlone() throws Exception {
        String email = uniqueEmail("again");
        ObjectNode user = vectorUser("django-pbkdf2-sha256", email);
        importWithTheCommand(user);
        signIn(browser(), email, "correct horse battery staple");
        String upgraded = accounts.findByEmail(email).orElseThrow().passwordHash().orElseThrow();

        String summary = importWithTheCommand(user);

        assertThat(summary).startsWith("{\"created\":0,\"updated\":0,\"unchanged\":1,\"rejected\":0,");
        assertThat(accounts.findByEmail(email).orElseThrow().passwordHash()).contains(upgraded);
        assertThat(upgraded).startsWith("$argon2id$");
    }
}
