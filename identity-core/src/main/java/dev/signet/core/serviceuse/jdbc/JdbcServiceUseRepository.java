package dev.signet.core.serviceuse.jdbc;

import dev.signet.core.serviceuse.ServiceUse;
import dev.signet.core.serviceuse.ServiceUseRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ServiceUseRepository} on PostgreSQL (table {@code service_sign_in}, migration V78; display names from
 * {@code relying_party}).
 */
public final class JdbcServiceUseRepository implements ServiceUseRepository {

    private final JdbcClient jdbc;

    public JdbcServiceUseRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void recordSignIn(UUID accountId, String clientId, Instant at) {
        // GREATEST: two sign-ins finishing out of order never move the last sign-in back.
        jdbc.sql("""
                INSERT INTO service_sign_in (account_id, client_id, first_signed_in_at, last_signed_in_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id, client_id) DO UPDATE
                SET last_signed_in_at = GREATEST(service_sign_in.last_signed_in_at, EXCLUDED.last_signed_in_at)""")
                .params(accountId, clientId, Timestamp.from(at), Timestamp.from(at)).update();
    }

    @Override
    public List<ServiceUse> findByAccount(UUID accountId) {
        return jdbc.sql("""
                SELECT s.account_id, s.client_id, r.name, s.first_signed_in_at, s.last_signed_in_at
                FROM service_sign_in s JOIN relying_party r ON r.client_id = s.client_id
                WHERE s.account_id = ? ORDER BY s.last_signed_in_at DESC, s.client_id""")
                .param(accountId).query(JdbcServiceUseRepository::map).list();
    }

    private static ServiceUse map(ResultSet row, int number) throws SQLException {
        return new ServiceUse(row.getObject("account_id", UUID.class), row.getString("client_id"),
                row.getString("name"), row.getTimestamp("first_signed_in_at").toInstant(), row.getTimestamp("last_signed_in_at").toInstant());
    }
}
