package dev.signet.core.mfa.jdbc;

import dev.signet.core.mfa.RecoveryCodeRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RecoveryCodeRepository} on PostgreSQL (table {@code recovery_code}, migration V61). */
public final class JdbcRecoveryCodeRepository implements RecoveryCodeRepository {

    private final JdbcClient jdbc;

    public JdbcRecoveryCodeRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void replace(UUID accountId, List<String> codeHashes, Instant at) {
        // One statement, so atomic without a transaction manager. The new hashes carry fresh salts: they never
        // collide with the rows being deleted.
        jdbc.sql("""
                WITH gone AS (DELETE FROM recovery_code WHERE account_id = ?)
                INSERT INTO recovery_code (account_id, code_hash, created_at)
                SELECT ?, hash, ? FROM unnest(?::text[]) AS hash""")
                .params(accountId, accountId, Timestamp.from(at), codeHashes.toArray(String[]::new))
                .update();
    }

    @Override
    public List<String> unusedHashes(UUID accountId) {
        return jdbc.sql("""
                SELECT code_hash FROM recovery_code WHERE account_id = ? AND used_at IS NULL
                ORDER BY created_at, code_hash""")
                .param(accountId)
                .query(String.class)
                .list();
    }

    @Override
    public boolean markUsed(UUID accountId, String codeHash, Instant at) {
        return jdbc.sql("""
                UPDATE recovery_code SET used_at = ?
                WHERE account_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(Timestamp.from(at), accountId, codeHash)
                .update() == 1;
    }
}
