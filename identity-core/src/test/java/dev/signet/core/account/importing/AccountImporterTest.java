package dev.signet.core.account.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.argon2.Argon2Cost;
import dev.signet.core.password.argon2.Argon2idPasswordHasher;
import dev.signet.core.testing.PostgresTestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against real PostgreSQL. Hashes made by htpasswd and the argon2 CLI, password "correct horse battery staple". */
class AccountImporterTest {

    private static final String BCRYPT = "$2y$10$1DUDJiONpYpTjWDuG75XNOWA3uId8BzkfahY2CLf.zE4xOTekK15y";
    private static final String ARGON2 =
            "$argon2id$v=19$m=7168,t=5,p=1$M2JMOHNHY2ExZERsS21QUQ$NNW+Dmu6U0tSxwAR7Wm+1lmN4kwVl99QhXTGatoEEA4";
    private static final String PASSWORD = "correct horse battery staple";

    private AccountRepository accounts;
    private AccountImporter importer;
    private final List<ImportRow.Rejected> logged = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        accounts = new JdbcAccountRepository(PostgresTestServer.newMigratedDatabase(), Clock.systemUTC());
        importer = new AccountImporter(accounts, Clock.systemUTC());
    }

    private AccountImporter.ImportReport importJson(String json) {
        return importer.importFrom(stream(json), logged::add);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usersWithBcryptArgon2OrNoPasswordBecomeAccountsWhosePasswordsVerify() {
        AccountImporter.ImportReport report = importJson("""
                [
                  {"email": "ada@example.gov.uk", "email_verified": true, "password_hash": "%s",
                   "given_name": "Ada", "user_metadata": {"theme": "dark"}},
                  {"email": "grace@example.gov.uk", "user_id": "auth0|5f1e",
                   "custom_password_hash": {"algorithm": "argon2", "hash": {"value": "%s"}}},
                  {"email": "alan@example.gov.uk", "user_id": "0b5c8f9e-4d47-4a54-9d3a-0d1fd1d2d6a1",
                   "blocked": true}
                ]""".formatted(BCRYPT, ARGON2));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejected()).isEmpty();
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(Argon2Cost.DEFAULT, 2);
        Account ada = accounts.findByEmail("ADA@example.gov.uk").orElseThrow();
        assertThat(ada.emailVerified()).isTrue();
        assertThat(hasher.verify(PASSWORD, ada.passwordHash().orElseThrow())).isEqualTo(new PasswordCheck.Matches(true));
        Account grace = accounts.findByEmail("grace@example.gov.uk").orElseThrow();
        assertThat(grace.emailVerified()).isFalse();
        assertThat(grace.id()).isEqualTo(Auth0UserFileReader.accountId("auth0|5f1e"));
        assertThat(hasher.verify(PASSWORD, grace.passwordHash().orElseThrow()))
                .isEqualTo(new PasswordCheck.Matches(true));
        Account alan = accounts.findById(UUID.fromString("0b5c8f9e-4d47-4a54-9d3a-0d1fd1d2d6a1")).orElseThrow();
        assertThat(alan.passwordHash()).isEmpty();
        assertThat(alan.status()).isEqualTo(AccountStatus.BLOCKED);
    }

    @Test
    void importingAgainChangesNothingAndNeverOverwritesAPassword() {
        String file = "[{\"email\": \"ada@example.gov.uk\", \"password_hash\": \"" + BCRYPT + "\"}]";
        importJson(file);
        Account before = accounts.findByEmail("ada@example.gov.uk").orElseThrow();
        accounts.updatePasswordHash(before.id(), ARGON2);

        AccountImporter.ImportReport again = importJson(file);

        assertThat(again.created()).isZero();
        assertThat(again.skipped()).containsExactly(0);
        assertThat(accounts.findByEmail("ada@example.gov.uk").orElseThrow().passwordHash()).contains(ARGON2);
    }

    @Test
    void badRowsAreReportedWithIndexAndReasonAndTheRestAreImported() {
        AccountImporter.ImportReport report = importJson("""
                [
                  {"email": "not an email"},
                  {"email": "one@example.gov.uk", "password_hash": "%s"},
                  {"email": "two@example.gov.uk", "password_hash": "$argon2id$v=19$m=7168,t=5,p=1$c2FsdHNhbHQ$aGFzaA"},
                  {"email": "three@example.gov.uk", "custom_password_hash":
                     {"algorithm": "md5", "hash": {"value": "5f4dcc3b5aa765d61d8327deb882cf99", "encoding": "hex"}}},
                  {"email": "four@example.gov.uk", "password_hash": "%s",
                   "custom_password_hash": {"algorithm": "argon2", "hash": {"value": "%s"}}},
                  "five@example.gov.uk",
                  {"email": "six@example.gov.uk", "custom_password_hash":
                     {"algorithm": "argon2", "hash": {"value": "$argon2id$v=19$m=99999999,t=5,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"}}},
                  {"email": "seven@example.gov.uk", "email_verified": "yes"},
                  {"email": "eight@example.gov.uk", "password_hash": "$2b$10$short"},
                  {"email": "nine@example.gov.uk"}
                ]""".formatted(BCRYPT, BCRYPT, ARGON2));

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportRow.Rejected::index).containsExactly(0, 2, 3, 4, 5, 6, 7, 8);
        assertThat(logged).isEqualTo(report.rejected());
        assertThat(report.rejected()).allSatisfy(row -> assertThat(row.reason())
                .isNotBlank().doesNotContain(BCRYPT).doesNotContain("c2FsdHNhbHQ").doesNotContain("$2b$10$short")
                .doesNotContain("5f4dcc3b"));
        assertThat(accounts.findByEmail("one@example.gov.uk")).isPresent();
        assertThat(accounts.findByEmail("nine@example.gov.uk")).isPresent();
        assertThat(accounts.findByEmail("two@example.gov.uk")).isEmpty();
        assertThat(accounts.findByEmail("four@example.gov.uk")).isEmpty();
    }

    @Test
    void secondUserWithTheSameEmailInOneFileIsSkipped() {
        AccountImporter.ImportReport report = importJson("""
                [{"email": "ada@example.gov.uk", "password_hash": "%s"},
                 {"email": "Ada@Example.gov.uk"}]""".formatted(BCRYPT));

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly(1);
        assertThat(accounts.findByEmail("ada@example.gov.uk").orElseThrow().passwordHash()).contains(BCRYPT);
    }

    @Test
    void aFileThatIsNotAnArrayOrNotJsonIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> importJson("{\"email\": \"ada@example.gov.uk\"}"))
                .isInstanceOf(AccountImportException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> importJson("[{\"email\": \"ada@example.gov.uk\"},\n {\"email\": }]"))
                .isInstanceOf(AccountImportException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> importJson("[{\"email\": \"ada@example.gov.uk\"}"))
                .isInstanceOf(AccountImportException.class);
    }
}
