package dev.signet.core.account.jdbc;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AccountRepository} on PostgreSQL (table {@code account}, migration V1). */
public final class JdbcAccountRepository implements AccountRepository {

    private static final String COLUMNS =
            "id, email, email_verified, password_hash, status, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcAccountRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
                .param(id)
                .query(JdbcAccountRepository::map)
                .optional();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE email_canonical = ?")
                .param(EmailAddress.canonical(email))
                .query(JdbcAccountRepository::map)
                .optional();
    }

    @Override
    public Account create(Account account) {
        try {
            jdbc.sql("""
                    INSERT INTO account (id, email, email_canonical, email_verified, password_hash, status,
                                         created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(account.id(), account.email(), EmailAddress.canonical(account.email()),
                            account.emailVerified(), account.passwordHash().orElse(null), account.status().name(),
                            Timestamp.from(account.createdAt()), Timestamp.from(account.updatedAt()))
                    .update();
            return account;
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException();
        }
    }

    @Override
    public boolean updatePasswordHash(UUID id, String passwordHash) {
        return jdbc.sql("UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordHash, now(), id)
                .update() == 1;
    }

    @Override
    public boolean markEmailVerified(UUID id) {
        return jdbc.sql("UPDATE account SET email_verified = true, updated_at = ? WHERE id = ?")
                .params(now(), id)
                .update() == 1;
    }

    @Override
    public boolean updateStatus(UUID id, AccountStatus status) {
        return jdbc.sql("UPDATE account SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), now(), id)
                .update() == 1;
    }

    @Override
    public boolean changeEmail(UUID id, String newEmail) {
        try {
            return jdbc.sql("""
                    UPDATE account SET email = ?, email_canonical = ?, email_verified = true, updated_at = ?
                    WHERE id = ?""")
                    .params(newEmail, EmailAddress.canonical(newEmail), now(), id)
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            throw new DuplicateEmailException();
        }
    }

    @Override
    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM account WHERE id = ?").param(id).update() == 1;
    }

    @Override
    public boolean updateStatusIfUnchanged(UUID id, Instant version, AccountStatus status) {
        return jdbc.sql("UPDATE account SET status = ?, updated_at = ? WHERE id = ? AND updated_at = ?")
                .params(status.name(), now(), id, Timestamp.from(version))
                .update() == 1;
    }

    @Override
    public boolean markChangedIfUnchanged(UUID id, Instant version) {
        return jdbc.sql("UPDATE account SET updated_at = ? WHERE id = ? AND updated_at = ?")
                .params(now(), id, Timestamp.from(version))
                .update() == 1;
    }

    @Override
    public boolean deleteIfUnchanged(UUID id, Instant version) {
        return jdbc.sql("DELETE FROM account WHERE id = ? AND updated_at = ?")
                .params(id, Timestamp.from(version))
                .update() == 1;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getBoolean("email_verified"),
                Optional.ofNullable(rs.getString("password_hash")),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
