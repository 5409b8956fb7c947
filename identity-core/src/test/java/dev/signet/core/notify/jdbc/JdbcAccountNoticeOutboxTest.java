package dev.signet.core.notify.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.logout.LogoutOutboxContract.MutableClock;
import dev.signet.core.notify.AccountNotice;
import dev.signet.core.notify.AccountNoticeKind;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcAccountNoticeOutboxTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private DataSource database;
    private JdbcAccountNoticeOutbox outbox;
    private JdbcAccountRepository accounts;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestServer.newMigratedDatabase();
        outbox = new JdbcAccountNoticeOutbox(database, clock);
        accounts = new JdbcAccountRepository(database, clock);
    }

    @Test
    void aQueuedNoticeIsClaimedOnceRetriedWhenItFailsAndForgottenWhenSent() {
        UUID account = newAccount();
        outbox.enqueue(account, AccountNoticeKind.SECOND_FACTORS_RESET);

        List<AccountNotice> claimed = outbox.claimDue(10, LEASE);
        assertThat(claimed).extracting(AccountNotice::accountId).containsExactly(account);
        assertThat(claimed.get(0).kind()).isEqualTo(AccountNoticeKind.SECOND_FACTORS_RESET);
        assertThat(outbox.claimDue(10, LEASE)).as("leased to the first worker").isEmpty();

        outbox.retryLater(claimed.get(0).id(), clock.instant().plusSeconds(5), "SMTP unavailable");
        clock.advance(Duration.ofSeconds(5));
        AccountNotice second = outbox.claimDue(10, LEASE).get(0);
        assertThat(second.attempt()).isEqualTo(2);
        outbox.completed(second.id());

        assertThat(outbox.pendingFor(account)).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void aNoticeGoesWithItsAccount() {
        UUID account = newAccount();
        outbox.enqueue(account, AccountNoticeKind.SECOND_FACTORS_RESET);

        accounts.delete(account);

        assertThat(outbox.pendingFor(account)).isZero();
        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void aNoticeGivenUpOnStaysForAnOperatorToSee() {
        UUID account = newAccount();
        outbox.enqueue(account, AccountNoticeKind.SECOND_FACTORS_RESET);

        outbox.markFailed(outbox.claimDue(10, LEASE).get(0).id(), "SMTP refused the address");
        clock.advance(Duration.ofHours(1));

        assertThat(outbox.claimDue(10, LEASE)).isEmpty();
        assertThat(outbox.pendingFor(account)).isEqualTo(1);
    }

    private UUID newAccount() {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        accounts.create(new Account(id, id + "@example.com", true, Optional.empty(), AccountStatus.ACTIVE, now, now));
        return id;
    }
}
