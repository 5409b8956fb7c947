package dev.signet.bulkimport;

import dev.signet.core.account.EmailAddress;
import dev.signet.core.links.LinkMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes one batch of import rows in one transaction: one query finds every account the batch touches (by normalised
 * email and by source {@code user_id}), then the new accounts, the changed accounts and the import records are each
 * written as one JDBC batch. A batch the database refuses (an email taken by a sign-up during the import) is written
 * again row by row, so that only the conflicting row is rejected.
 *
 * <p>The rules, per row: a row matching no account creates one; a row whose digest equals the one recorded at the
 * last import is unchanged; otherwise the account is updated: email (when matched by {@code user_id}), verified
 * (never taken back for the same address), blocked, and the password hash, but only while the account still holds
 * the hash the import itself wrote: a password the citizen has since set, or the Argon2id hash their first sign-in
 * made, is never overwritten.
 *
 * <p>Linking, in the same transaction: each row that is not rejected links its legacy identities to its account
 * (table {@code linked_legacy_identity}, method {@link LinkMethod#BULK_IMPORT}): its {@code legacy_identity}, and its
 * {@code user_id} as a subject of the import's connector when the import names one. A link already in place for the
 * same account is left as it is (so a second run links nothing); a legacy identity linked to another account rejects
 * the row, since one legacy identity belongs to one person.
 */
final class JdbcImportWriter {

    private static final String FIND = """
            SELECT a.id, a.email_canonical, a.email_verified, a.password_hash, a.status, s.account_id IS NOT NULL,
                   s.source_user_id, s.row_digest, s.password_hash_digest
              FROM account a LEFT JOIN account_import_source s ON s.account_id = a.id
             WHERE a.email_canonical = ANY (?)
            UNION
            SELECT a.id, a.email_canonical, a.email_verified, a.password_hash, a.status, true,
                   s.source_user_id, s.row_digest, s.password_hash_digest
              FROM account a JOIN account_import_source s ON s.account_id = a.id
             WHERE s.source_user_id = ANY (?)""";
    private static final String INSERT_ACCOUNT = """
            INSERT INTO account (id, email, email_canonical, email_verified, password_hash, status, created_at,
                                 updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_ACCOUNT = """
            UPDATE account SET email = ?, email_canonical = ?, email_verified = ?, password_hash = ?, status = ?,
                               updated_at = ?
             WHERE id = ?""";
    private static final String UPSERT_SOURCE = """
            INSERT INTO account_import_source (account_id, source_user_id, row_digest, password_hash_digest, profile,
                                               legacy_connector, legacy_subject, first_imported_at, last_imported_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (account_id) DO UPDATE SET
                source_user_id = COALESCE(EXCLUDED.source_user_id, account_import_source.source_user_id),
                row_digest = EXCLUDED.row_digest,
                password_hash_digest = EXCLUDED.password_hash_digest,
                profile = EXCLUDED.profile,
                legacy_connector = COALESCE(EXCLUDED.legacy_connector, account_import_source.legacy_connector),
                legacy_subject = COALESCE(EXCLUDED.legacy_subject, account_import_source.legacy_subject),
                last_imported_at = EXCLUDED.last_imported_at""";
    private static final String FIND_LINKS = """
            SELECT l.connector_id, l.legacy_subject, l.account_id
              FROM linked_legacy_identity l
              JOIN unnest(?::text[], ?::text[]) AS wanted (connector_id, legacy_subject)
                ON l.connector_id = wanted.connector_id AND l.legacy_subject = wanted.legacy_subject""";
    // DO NOTHING: a sign-in that linked the same identity a moment ago must not fail the whole batch.
    private static final String INSERT_LINK = """
            INSERT INTO linked_legacy_identity (account_id, connector_id, legacy_subject, linked_at, linked_by)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (connector_id, legacy_subject) DO NOTHING""";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;
    private final Optional<String> connectorId;

    JdbcImportWriter(DataSource dataSource, Clock clock, Optional<String> connectorId) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectorId = Objects.requireNonNull(connectorId, "connectorId");
    }

    /** What writing a batch did. */
    record BatchOutcome(int created, int updated, int unchanged, List<RejectedRow> rejected, int linked) {
        BatchOutcome plus(BatchOutcome other) {
            List<RejectedRow> all = new ArrayList<>(rejected);
            all.addAll(other.rejected);
            return new BatchOutcome(created + other.created, updated + other.updated, unchanged + other.unchanged,
                    all, linked + other.linked);
        }
    }

    /** A legacy identity a row names. */
    private record LegacyKey(String connectorId, String subject) {
    }

    /** A link to write. */
    private record Link(UUID accountId, LegacyKey identity) {
    }

    /** An account the batch may touch, with its import record when it has one. */
    private record Existing(UUID id, String emailCanonical, boolean emailVerified, String passwordHash, String status,
            boolean imported, String sourceUserId, byte[] rowDigest, byte[] passwordHashDigest) {
    }

    /** A row's decision, ready to write. */
    private record Write(ImportUser user, UUID accountId, boolean create, boolean emailVerified, String passwordHash,
            byte[] passwordHashDigest, String status) {
    }

    /**
     * Writes the batch. The caller guarantees that no two rows of a batch share an email or a {@code user_id}.
     *
     * @throws IllegalStateException when the database fails for another reason than a row's conflict
     */
    BatchOutcome write(List<ImportUser> batch) {
        try {
            return writeInOneTransaction(batch);
        } catch (SQLException e) {
            boolean conflict = isUniqueViolation(e);
            if (!conflict || batch.size() == 1) {
                if (conflict) {
                    return new BatchOutcome(0, 0, 0, List.of(new RejectedRow(batch.get(0).row(),
                            batch.get(0).userId(), "the email address was taken by another account during the "
                            + "import; run the import again")), 0);
                }
                throw new IllegalStateException("The import could not write to the database (SQL state "
                        + e.getSQLState() + ")", e);
            }
            BatchOutcome total = new BatchOutcome(0, 0, 0, List.of(), 0);
            for (ImportUser user : batch) {
                total = total.plus(write(List.of(user)));
            }
            return total;
        }
    }

    private BatchOutcome writeInOneTransaction(List<ImportUser> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                BatchOutcome outcome = decideAndWrite(connection, batch);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private BatchOutcome decideAndWrite(Connection connection, List<ImportUser> batch) throws SQLException {
        Map<String, Existing> byEmail = new HashMap<>();
        Map<String, Existing> bySource = new HashMap<>();
        find(connection, batch, byEmail, bySource);
        Map<LegacyKey, UUID> linkedTo = findLinks(connection, batch);
        List<Write> writes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int unchanged = 0;
        for (ImportUser user : batch) {
            Existing sourceMatch = user.userId().map(bySource::get).orElse(null);
            Existing emailMatch = byEmail.get(EmailAddress.canonical(user.email()));
            if (sourceMatch != null && emailMatch != null && !sourceMatch.id().equals(emailMatch.id())) {
                rejected.add(new RejectedRow(user.row(), user.userId(),
                        "the email address belongs to another account than this user_id's"));
                continue;
            }
            Existing target = sourceMatch != null ? sourceMatch : emailMatch;
            if (target != null && sourceMatch == null && target.sourceUserId() != null
                    && user.userId().isPresent()) {
                rejected.add(new RejectedRow(user.row(), user.userId(),
                        "the email address belongs to an account imported with another user_id"));
                continue;
            }
            UUID accountId = target == null ? UUID.randomUUID() : target.id();
            Optional<LegacyKey> elsewhere = legacyIdentities(user).stream()
                    .filter(identity -> linkedTo.containsKey(identity) && !linkedTo.get(identity).equals(accountId))
                    .findFirst();
            if (elsewhere.isPresent()) {
                rejected.add(new RejectedRow(user.row(), user.userId(), "the legacy identity (connector "
                        + elsewhere.get().connectorId() + ") is already linked to another account"));
                continue;
            }
            legacyIdentities(user).stream().filter(identity -> !linkedTo.containsKey(identity))
                    .forEach(identity -> links.add(new Link(accountId, identity)));
            if (target == null) {
                String hash = user.passwordHash().orElse(null);
                writes.add(new Write(user, accountId, true, user.emailVerified(), hash, sha256(hash),
                        user.blocked() ? "BLOCKED" : "ACTIVE"));
            } else if (target.imported() && Arrays.equals(target.rowDigest(), user.digest())) {
                unchanged++;
            } else {
                writes.add(update(user, target));
            }
        }
        int created = (int) writes.stream().filter(Write::create).count();
        apply(connection, writes);
        int linked = link(connection, links);
        return new BatchOutcome(created, writes.size() - created, unchanged, rejected, linked);
    }

    /** The legacy identities the row names: its own {@code legacy_identity}, and its user_id at the connector. */
    private List<LegacyKey> legacyIdentities(ImportUser user) {
        List<LegacyKey> identities = new ArrayList<>(2);
        user.legacy().ifPresent(legacy -> identities.add(new LegacyKey(legacy.connector(), legacy.subject())));
        if (connectorId.isPresent() && user.userId().isPresent()) {
            LegacyKey byUserId = new LegacyKey(connectorId.get(), user.userId().get());
            if (!identities.contains(byUserId)) {
                identities.add(byUserId);
            }
        }
        return identities;
    }

    /** The accounts that the batch's legacy identities are linked to already. */
    private Map<LegacyKey, UUID> findLinks(Connection connection, List<ImportUser> batch) throws SQLException {
        List<LegacyKey> wanted = batch.stream().flatMap(user -> legacyIdentities(user).stream()).toList();
        Map<LegacyKey, UUID> linked = new HashMap<>();
        if (wanted.isEmpty()) {
            return linked;
        }
        try (PreparedStatement find = connection.prepareStatement(FIND_LINKS)) {
            find.setArray(1, connection.createArrayOf("text", wanted.stream().map(LegacyKey::connectorId).toArray()));
            find.setArray(2, connection.createArrayOf("text", wanted.stream().map(LegacyKey::subject).toArray()));
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    linked.put(new LegacyKey(rows.getString(1), rows.getString(2)), rows.getObject(3, UUID.class));
                }
            }
        }
        return linked;
    }

    /** Writes the new links after their accounts; returns how many were made. */
    private int link(Connection connection, List<Link> links) throws SQLException {
        if (links.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LINK)) {
            for (Link link : links) {
                insert.setObject(1, link.accountId());
                insert.setString(2, link.identity().connectorId());
                insert.setString(3, link.identity().subject());
                insert.setTimestamp(4, now);
                insert.setString(5, LinkMethod.BULK_IMPORT.value());
                insert.addBatch();
            }
            int made = 0;
            for (int count : insert.executeBatch()) {
                made += count > 0 ? 1 : 0;
            }
            return made;
        }
    }

    private Write update(ImportUser user, Existing target) {
        boolean sameAddress = target.emailCanonical().equals(EmailAddress.canonical(user.email()));
        // A proven address stays proven; a new address is only as verified as the source system says.
        boolean verified = sameAddress ? target.emailVerified() || user.emailVerified() : user.emailVerified();
        String hash = target.passwordHash();
        byte[] hashDigest = target.passwordHashDigest();
        boolean stillImportedHash = hash == null
                || (hashDigest != null && MessageDigest.isEqual(sha256(hash), hashDigest));
        if (user.passwordHash().isPresent() && stillImportedHash) {
            hash = user.passwordHash().get();
            hashDigest = sha256(hash);
        }
        String status = user.blocked() ? "BLOCKED" : target.status();
        return new Write(user, target.id(), false, verified, hash, hashDigest, status);
    }

    private static void find(Connection connection, List<ImportUser> batch, Map<String, Existing> byEmail,
            Map<String, Existing> bySource) throws SQLException {
        Array emails = connection.createArrayOf("text",
                batch.stream().map(user -> EmailAddress.canonical(user.email())).toArray());
        Array sources = connection.createArrayOf("text",
                batch.stream().flatMap(user -> user.userId().stream()).toArray());
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setArray(1, emails);
            find.setArray(2, sources);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    Existing existing = new Existing(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getBoolean(3), rows.getString(4), rows.getString(5), rows.getBoolean(6),
                            rows.getString(7), rows.getBytes(8), rows.getBytes(9));
                    byEmail.put(existing.emailCanonical(), existing);
                    if (existing.sourceUserId() != null) {
                        bySource.put(existing.sourceUserId(), existing);
                    }
                }
            }
        }
    }

    private void apply(Connection connection, List<Write> writes) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ACCOUNT);
                PreparedStatement update = connection.prepareStatement(UPDATE_ACCOUNT);
                PreparedStatement source = connection.prepareStatement(UPSERT_SOURCE)) {
            for (Write write : writes) {
                ImportUser user = write.user();
                String email = user.email();
                if (write.create()) {
                    insert.setObject(1, write.accountId());
                    insert.setString(2, email);
                    insert.setString(3, EmailAddress.canonical(email));
                    insert.setBoolean(4, write.emailVerified());
                    insert.setString(5, write.passwordHash());
                    insert.setString(6, write.status());
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                } else {
                    update.setString(1, email);
                    update.setString(2, EmailAddress.canonical(email));
                    update.setBoolean(3, write.emailVerified());
                    update.setString(4, write.passwordHash());
                    update.setString(5, write.status());
                    update.setTimestamp(6, now);
                    update.setObject(7, write.accountId());
                    update.addBatch();
                }
                source.setObject(1, write.accountId());
                source.setString(2, user.userId().orElse(null));
                source.setBytes(3, user.digest());
                source.setBytes(4, write.passwordHashDigest());
                source.setString(5, user.profileJson());
                source.setString(6, user.legacy().map(ImportUser.LegacyIdentity::connector).orElse(null));
                source.setString(7, user.legacy().map(ImportUser.LegacyIdentity::subject).orElse(null));
                source.setTimestamp(8, now);
                source.setTimestamp(9, now);
                source.addBatch();
            }
            // Accounts first: the import records refer to them.
            insert.executeBatch();
            update.executeBatch();
            source.executeBatch();
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        // A JDBC batch reports the failing statement's own error as the next exception.
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
