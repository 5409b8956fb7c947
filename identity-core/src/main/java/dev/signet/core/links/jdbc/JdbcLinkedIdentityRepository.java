package dev.signet.core.links.jdbc;

import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link LinkedIdentityRepository} on PostgreSQL (table {@code linked_legacy_identity}, migration V70). */
public final class JdbcLinkedIdentityRepository implements LinkedIdentityRepository {

    private static final String COLUMNS =
            "account_id, connector_id, legacy_subject, linked_at, linked_by, password_fingerprint";

    private final JdbcClient jdbc;

    public JdbcLinkedIdentityRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<LinkedIdentity> find(String connectorId, String legacySubject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM linked_legacy_identity WHERE connector_id = ? "
                        + "AND legacy_subject = ?")
                .params(connectorId, legacySubject).query(JdbcLinkedIdentityRepository::map).optional();
    }

    @Override
    public List<LinkedIdentity> findByAccount(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM linked_legacy_identity WHERE account_id = ? "
                        + "ORDER BY linked_at, connector_id, legacy_subject")
                .param(accountId).query(JdbcLinkedIdentityRepository::map).list();
    }

    @Override
    public void link(LinkedIdentity link) {
        try {
            jdbc.sql("INSERT INTO linked_legacy_identity (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                    .params(link.accountId(), link.connectorId(), link.legacySubject(),
                            Timestamp.from(link.linkedAt()), link.linkedBy(), link.passwordFingerprint().orElse(null))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyLinkedException();
        }
    }

    @Override
    public boolean updatePasswordFingerprint(String connectorId, String legacySubject, Optional<String> fingerprint) {
        return jdbc.sql("UPDATE linked_legacy_identity SET password_fingerprint = ? WHERE connector_id = ? "
                        + "AND legacy_subject = ?")
                .params(fingerprint.orElse(null), connectorId, legacySubject).update() == 1;
    }

    private static LinkedIdentity map(ResultSet rs, int row) throws SQLException {
        return new LinkedIdentity(rs.getObject("account_id", UUID.class), rs.getString("connector_id"),
                rs.getString("legacy_subject"), rs.getTimestamp("linked_at").toInstant(), rs.getString("linked_by"),
                Optional.ofNullable(rs.getString("password_fingerprint")));
    }
}
