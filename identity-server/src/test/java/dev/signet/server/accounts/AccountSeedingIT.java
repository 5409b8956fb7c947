package dev.signet.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.importing.AccountImporter;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.testing.ServerIntegrationTest;
import java.io.InputStream;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test profile seeds {@code signet/test-accounts.json} (hashes by htpasswd and the argon2 CLI, password
 * "correct horse battery staple"; a third user has an unsupported hash).
 */
class AccountSeedingIT extends ServerIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordHasher hasher;

    @Autowired
    AccountSeedConfiguration.SeededAccounts seeded;

    @Test
    void seededAccountsExistAndTheirPasswordsVerifyAndAskForAnUpgrade() {
        Account bcrypt = accounts.findByEmail("seeded-bcrypt@seed.signet.test").orElseThrow();
        Account argon2 = accounts.findByEmail("seeded-argon2@seed.signet.test").orElseThrow();

        assertThat(bcrypt.emailVerified()).isTrue();
        assertThat(hasher.verify(PASSWORD, bcrypt.passwordHash().orElseThrow()))
                .isEqualTo(new PasswordCheck.Matches(true));
        assertThat(hasher.verify(PASSWORD, argon2.passwordHash().orElseThrow()))
                .isEqualTo(new PasswordCheck.Matches(true));
        assertThat(hasher.verify("wrong password", argon2.passwordHash().orElseThrow()))
                .isInstanceOf(PasswordCheck.DoesNotMatch.class);
    }

    @Test
    void userWithAnUnsupportedHashIsRejectedAndNotCreated() {
        assertThat(accounts.findByEmail("seeded-unsupported@seed.signet.test")).isEmpty();
        // Another context of this JVM may have seeded first; then this one skipped the two good users.
        AccountImporter.ImportReport report = seeded.report().orElseThrow();
        assertThat(report.rejected()).extracting(row -> row.index()).containsExactly(2);
        assertThat(report.created() + report.skipped().size()).isEqualTo(2);
    }

    /** Re-seeding is what every restart does; it must leave accounts (and citizens' passwords) as they are. */
    @Test
    void seedingAgainCreatesNothingAndChangesNothing() throws Exception {
        Account before = accounts.findByEmail("seeded-argon2@seed.signet.test").orElseThrow();
        try (InputStream file = getClass().getResourceAsStream("/signet/test-accounts.json")) {
            AccountImporter.ImportReport again = new AccountImporter(accounts, Clock.systemUTC())
                    .importFrom(file, rejected -> { });

            assertThat(again.created()).isZero();
            assertThat(again.skipped()).containsExactly(0, 1);
        }
        assertThat(accounts.findById(before.id())).contains(before);
    }
}
