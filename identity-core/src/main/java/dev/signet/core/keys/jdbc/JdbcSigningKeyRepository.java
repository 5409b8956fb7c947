package dev.signet.core.keys.jdbc;

import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKey;
import dev.signet.core.keys.SigningKeyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link SigningKeyRepository} on PostgreSQL (table {@code signing_key}, migration V40). */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {

    /** Advisory lock id shared by every instance that adds keys ("signet-keys" in ASCII, fits a bigint). */
    static final long ROTATION_LOCK = 0x7369676e65746bL;

    private static final String COLUMNS =
            "kid, alg, public_jwk, private_key, created_at, activates_at, retires_at, expires_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcSigningKeyRepository(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public List<SigningKey> findUnexpired(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE expires_at > ? ORDER BY activates_at, kid")
                .param(Timestamp.from(now))
                .query(JdbcSigningKeyRepository::map)
                .list();
    }

    @Override
    public Optional<SigningKey> findByKid(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE kid = ?")
                .param(kid)
                .query(JdbcSigningKeyRepository::map)
                .optional();
    }

    /**
     * Under a transaction-scoped advisory lock: an instance that does not get the lock adds nothing (another is
     * rotating right now); one that gets it after another committed sees that key and adds nothing either.
     */
    @Override
    public boolean addUnlessRetiringAfter(SigningKey key, Instant retiringAfter) {
        Boolean added = transactions.execute(status -> {
            boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(ROTATION_LOCK)
                    .query(Boolean.class).single();
            if (!locked) {
                return false;
            }
            return jdbc.sql("""
                    INSERT INTO signing_key (kid, alg, public_jwk, private_key, created_at, activates_at, retires_at,
                                             expires_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM signing_key WHERE alg = ? AND retires_at > ?)
                    ON CONFLICT (kid) DO NOTHING""")
                    .params(key.kid(), key.algorithm().name(), key.publicJwk(), key.sealedPrivateKey(),
                            Timestamp.from(key.createdAt()), Timestamp.from(key.activatesAt()),
                            Timestamp.from(key.retiresAt()), Timestamp.from(key.expiresAt()),
                            key.algorithm().name(), Timestamp.from(retiringAfter))
                    .update() == 1;
        });
        return Boolean.TRUE.equals(added);
    }

    @Override
    public int deleteExpiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM signing_key WHERE expires_at < ?").param(Timestamp.from(before)).update();
    }

    private static SigningKey map(ResultSet rs, int row) throws SQLException {
        return new SigningKey(
                rs.getString("kid"),
                SigningAlgorithm.valueOf(rs.getString("alg")),
                rs.getString("public_jwk"),
                rs.getBytes("private_key"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("activates_at").toInstant(),
                rs.getTimestamp("retires_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
