package dev.signet.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.AuditEventType;
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
                Set.of(AuditEventType.OPERATOR_ACCOUNTS_IMPORTED), Optional.empty(), Optional.empty()),
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

    @Test
    void anImportedCommonPasswordSignsInOnlyAsFarAsChoosingANewOne() throws Exception {
        String email = uniqueEmail("imported-common");
        // openssl passwd -6 -salt weakpw0123456789 password123: "password123" is on the common-password list.
        String commonHash = "$6$weakpw0123456789$zCFpDQn5w7xYTfxsQsHMADRm115h/vL0m3RooBfVWaSP.UWdqTPhrdKXl9T/m.y74pKl"
                + "TjNnqAZSMpmb5Yenn0";
        ObjectNode user = JSON.createObjectNode();
        user.put("email", email);
        user.put("user_id", "it|" + email);
        user.put("email_verified", true);
        user.put("password_hash", commonHash);
        importWithTheCommand(user);

        TestBrowser browser = browser();
        TestBrowser.Page response = signIn(browser, email, "password123");

        // Right password, but not signed in: first a new one, and the imported hash stays until then.
        assertThat(response.location()).endsWith("/sign-in/new-password");
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
        assertThat(accounts.findByEmail(email).orElseThrow().passwordHash()).contains(commonHash);
        // Leaving the page changes nothing: the next sign-in asks again.
        assertThat(signIn(browser(), email, "password123").location()).endsWith("/sign-in/new-password");

        TestBrowser.Page page = browser.get("/sign-in/new-password");
        assertThat(page.body()).contains("Create your password").contains("The password you used before is too easy "
                + "to guess or has appeared in a data breach, so you need to choose a new one for your account.");
        TestBrowser.Page again = browser.submit(page, "/sign-in/new-password",
                Map.of("password", "password123", "confirmPassword", "password123"));
        assertThat(again.body()).contains("Choose a password that is harder to guess");
        TestBrowser.Page chosen = browser.submit(again, "/sign-in/new-password",
                Map.of("password", "a much better passphrase", "confirmPassword", "a much better passphrase"));

        // Signed in, on to the account page it asked for before.
        assertThat(chosen.location()).contains("/account");
        assertThat(browser.get("/account").status()).isEqualTo(200);
        assertThat(accounts.findByEmail(email).orElseThrow().passwordHash().orElseThrow()).startsWith("$argon2id$");
        assertThat(signIn(browser(), email, "a much better passphrase").location()).endsWith("/account");
        assertThat(signIn(browser(), email, "password123").body())
                .contains("The email address or password is not correct");
    }

    @Test
    void anAccountSuspendedWhileOnTheNewPasswordPageGetsNoPasswordAndNoSignIn() throws Exception {
        String email = uniqueEmail("imported-suspended");
        ObjectNode user = JSON.createObjectNode();
        user.put("email", email);
        user.put("user_id", "it|" + email);
        user.put("email_verified", true);
        // The same weak SHA-512-crypt hash of "password123" as above.
        String commonHash = "$6$weakpw0123456789$zCFpDQn5w7xYTfxsQsHMADRm115h/vL0m3RooBfVWaSP.UWdqTPhrdKXl9T/m.y74pKl"
                + "TjNnqAZSMpmb5Yenn0";
        user.put("password_hash", commonHash);
        importWithTheCommand(user);
        TestBrowser browser = browser();
        assertThat(signIn(browser, email, "password123").location()).endsWith("/sign-in/new-password");
        TestBrowser.Page page = browser.get("/sign-in/new-password");

        accounts.updateStatus(accounts.findByEmail(email).orElseThrow().id(), AccountStatus.SUSPENDED);
        TestBrowser.Page answer = browser.submit(page, "/sign-in/new-password",
                Map.of("password", "a much better passphrase", "confirmPassword", "a much better passphrase"));

        assertThat(answer.location()).endsWith("/sign-in");
        assertThat(accounts.findByEmail(email).orElseThrow().passwordHash()).contains(commonHash);
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
        // The journey is over: the page is not offered again without a new sign-in.
        assertThat(browser.get("/sign-in/new-password").body()).doesNotContain("Create your password");
    }

    @Test
    void theExplanationIsInWelshForAWelshBrowser() throws Exception {
        String email = uniqueEmail("imported-cymraeg");
        ObjectNode user = JSON.createObjectNode();
        user.put("email", email);
        user.put("user_id", "it|" + email);
        user.put("email_verified", true);
        // openssl passwd -6 -salt dualweak01234567 letmein123 (on the common-password list)
        user.put("password_hash", "$6$dualweak01234567$bi6H9O0UmQF4TajoZ8l0NrrqFJ9sfpVBsRUxyK3FPdz1FmvEm7AJi.UEWRsV8"
                + "nA3Rt.Su4M4DnejSfkGIXjHi/");
        importWithTheCommand(user);
        TestBrowser browser = browser().acceptLanguage("cy");

        TestBrowser.Page response = signIn(browser, email, "letmein123");

        assertThat(browser.get(response.location()).body())
                .contains("Mae&#39;r cyfrinair a ddefnyddioch o&#39;r blaen yn rhy hawdd i&#39;w ddyfalu");
    }
}
