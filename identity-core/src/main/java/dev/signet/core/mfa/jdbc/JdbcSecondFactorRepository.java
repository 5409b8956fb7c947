package dev.signet.core.mfa.jdbc;

import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.mfa.SecondFactorRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link SecondFactorRepository} on PostgreSQL (table {@code second_factor}, migration V60). */
public final class JdbcSecondFactorRepository implements SecondFactorRepository {

    private final JdbcClient jdbc;

    public JdbcSecondFactorRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<SecondFactor> findByAccount(UUID accountId) {
        return jdbc.sql("""
                SELECT id, account_id, method, phone_number, totp_secret, created_at FROM second_factor
                WHERE account_id = ? ORDER BY created_at, id""")
                .param(accountId)
                .query(JdbcSecondFactorRepository::map)
                .list();
    }

    @Override
    public void save(SecondFactor factor) {
        // One statement: the replaced factor and the new one are never both, or neither, visible.
        jdbc.sql("""
                INSERT INTO second_factor (id, account_id, method, phone_number, totp_secret, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT second_factor_one_per_method DO UPDATE SET
                    id = EXCLUDED.id, phone_number = EXCLUDED.phone_number, totp_secret = EXCLUDED.totp_secret,
                    totp_last_step = NULL, created_at = EXCLUDED.created_at, last_used_at = NULL""")
                .params(factor.id(), factor.accountId(), factor.method().name(), factor.phoneNumber().orElse(null),
                        factor.sealedTotpSecret().orElse(null), Timestamp.from(factor.createdAt()))
                .update();
    }

    @Override
    public boolean remove(UUID accountId, SecondFactorMethod method) {
        return jdbc.sql("DELETE FROM second_factor WHERE account_id = ? AND method = ?")
                .params(accountId, method.name())
                .update() == 1;
    }

    @Override
    public int removeAll(UUID accountId) {
        return jdbc.sql("DELETE FROM second_factor WHERE account_id = ?").param(accountId).update();
    }

    @Override
    public List<UUID> findAccountsByPhoneNumber(String e164) {
        return jdbc.sql("""
                SELECT account_id FROM second_factor WHERE phone_number = ? AND method = 'TEXT_MESSAGE'
                ORDER BY created_at, account_id""")
                .param(e164)
                .query((row, rowNumber) -> row.getObject("account_id", UUID.class))
                .list();
    }

    @Override
    public boolean useTotpStep(UUID factorId, long step, Instant at) {
        // The condition and the write are one statement: of two instances accepting the same code, one wins.
        return jdbc.sql("""
                UPDATE second_factor SET totp_last_step = ?, last_used_at = ?
                WHERE id = ? AND method = 'AUTHENTICATOR_APP' AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .params(step, Timestamp.from(at), factorId, step)
                .update() == 1;
    }

    private static SecondFactor map(ResultSet row, int rowNumber) throws SQLException {
        return new SecondFactor(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
                SecondFactorMethod.valueOf(row.getString("method")), Optional.ofNullable(row.getString("phone_number")),
                Optional.ofNullable(row.getBytes("totp_secret")), row.getTimestamp("created_at").toInstant());
    }
}
