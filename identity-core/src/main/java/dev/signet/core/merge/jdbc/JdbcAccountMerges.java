package dev.signet.core.merge.jdbc;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.AccountLocks;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.Initiator;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.jdbc.JdbcLinkedIdentityRepository;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.merge.AccountMerge;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.merge.MergeConflict;
import dev.signet.core.merge.MergeOutcome;
import dev.signet.core.merge.MergePreview;
import dev.signet.core.merge.MergeRequest;
import dev.signet.core.merge.MovedIdentity;
import dev.signet.core.merge.UndoOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AccountMerges} on PostgreSQL (tables {@code account_merge}, {@code account_merge_identity},
 * {@code account_merge_service}, migration V93). Every write happens in one transaction, which joins the caller's
 * transaction on the same data source when there is one, after both accounts' advisory locks ({@link AccountLocks}).
 */
public final class JdbcAccountMerges implements AccountMerges {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AccountRepository accounts;
    private final LinkedIdentityRepository links;
    private final RelyingPartyEvents events;
    private final SessionEndingOutbox sessionEndings;
    private final AuditLog auditLog;
    private final Clock clock;

    public JdbcAccountMerges(DataSource dataSource, RelyingPartyEvents events, SessionEndingOutbox sessionEndings,
            AuditLog auditLog, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.accounts = new JdbcAccountRepository(dataSource, clock);
        this.links = new JdbcLinkedIdentityRepository(dataSource);
        this.events = Objects.requireNonNull(events, "events");
        this.sessionEndings = Objects.requireNonNull(sessionEndings, "sessionEndings");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MergePreview preview(UUID sourceAccountId, UUID targetAccountId) {
        Optional<Account> source = accounts.findById(sourceAccountId);
        Optional<Account> target = accounts.findById(targetAccountId);
        List<MergeConflict> conflicts = new ArrayList<>();
        if (sourceAccountId.equals(targetAccountId)) {
            conflicts.add(MergeConflict.SAME_ACCOUNT);
        }
        if (source.isEmpty()) {
            conflicts.add(MergeConflict.SOURCE_NOT_FOUND);
        } else if (source.get().status() == AccountStatus.MERGED) {
            conflicts.add(MergeConflict.SOURCE_ALREADY_MERGED);
        }
        if (target.isEmpty()) {
            conflicts.add(MergeConflict.TARGET_NOT_FOUND);
        } else if (target.get().status() == AccountStatus.MERGED && !sourceAccountId.equals(targetAccountId)) {
            conflicts.add(MergeConflict.TARGET_MERGED);
        }
        if (source.isPresent() && !activeMergesInto(sourceAccountId).isEmpty()) {
            conflicts.add(MergeConflict.SOURCE_HOLDS_MERGES);
        }
        if (source.isEmpty()) {
            return new MergePreview(source, target, List.of(), List.of(), List.of(), conflicts);
        }
        List<String> servicesToAdd = jdbc.sql("""
                SELECT client_id FROM service_sign_in s WHERE account_id = ? AND NOT EXISTS
                    (SELECT 1 FROM service_sign_in t WHERE t.account_id = ? AND t.client_id = s.client_id)
                ORDER BY client_id""").params(sourceAccountId, targetAccountId).query(String.class).list();
        return new MergePreview(source, target, links.findByAccount(sourceAccountId), servicesToAdd,
                events.relyingPartiesToTell(sourceAccountId), conflicts);
    }

    @Override
    public MergeOutcome merge(MergeRequest request) {
        UUID sourceId = request.sourceAccountId();
        UUID targetId = request.targetAccountId();
        if (sourceId.equals(targetId)) {
            return new MergeOutcome.Refused(MergeConflict.SAME_ACCOUNT);
        }
        return transactions.execute(status -> {
            AccountLocks.lock(jdbc, sourceId, targetId);
            MergePreview preview = preview(sourceId, targetId);
            if (!preview.possible()) {
                return new MergeOutcome.Refused(preview.conflicts().get(0));
            }
            if (request.sourceVersion().filter(v -> !v.equals(preview.source().orElseThrow().updatedAt()))
                    .isPresent()) {
                return new MergeOutcome.Refused(MergeConflict.SOURCE_CHANGED);
            }
            if (request.targetVersion().filter(v -> !v.equals(preview.target().orElseThrow().updatedAt()))
                    .isPresent()) {
                return new MergeOutcome.Refused(MergeConflict.TARGET_CHANGED);
            }
            Account source = preview.source().orElseThrow();
            Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
            UUID mergeId = UUID.randomUUID();
            Initiator initiator = request.initiator();
            jdbc.sql("""
                    INSERT INTO account_merge (id, source_account_id, target_account_id, source_previous_status,
                        merged_at, merged_by, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(mergeId, sourceId, targetId, source.status().name(), now, actor(initiator.actor()),
                            initiator.reason())
                    .update();
            // What is recorded is what moves: the rows are read and locked in the statement that records them.
            jdbc.sql("""
                    INSERT INTO account_merge_identity (merge_id, connector_id, legacy_subject, password_fingerprint)
                    SELECT ?, connector_id, legacy_subject, password_fingerprint FROM linked_legacy_identity
                    WHERE account_id = ? FOR UPDATE""").params(mergeId, sourceId).update();
            jdbc.sql("""
                    UPDATE linked_legacy_identity l SET account_id = ?, password_fingerprint = NULL
                    FROM account_merge_identity m
                    WHERE m.merge_id = ? AND l.connector_id = m.connector_id AND l.legacy_subject = m.legacy_subject""")
                    .params(targetId, mergeId).update();
            jdbc.sql("""
                    INSERT INTO account_merge_service (merge_id, client_id)
                    SELECT ?, client_id FROM service_sign_in s WHERE account_id = ? AND NOT EXISTS
                        (SELECT 1 FROM service_sign_in t WHERE t.account_id = ? AND t.client_id = s.client_id)""")
                    .params(mergeId, sourceId, targetId).update();
            jdbc.sql("""
                    INSERT INTO service_sign_in (account_id, client_id, first_signed_in_at, last_signed_in_at)
                    SELECT ?, s.client_id, s.first_signed_in_at, s.last_signed_in_at
                    FROM service_sign_in s JOIN account_merge_service m ON m.client_id = s.client_id
                    WHERE m.merge_id = ? AND s.account_id = ?""").params(targetId, mergeId, sourceId).update();
            jdbc.sql("UPDATE account SET status = 'MERGED', merged_into = ?, updated_at = ? WHERE id = ?")
                    .params(targetId, now, sourceId).update();
            jdbc.sql("UPDATE account SET updated_at = ? WHERE id = ?").params(now, targetId).update();
            sessionEndings.enqueue(sourceId, SessionEndingReason.MERGE);
            List<String> told = events.accountsMerged(sourceId, targetId);
            AccountMerge merge = find(mergeId).orElseThrow();
            Map<String, String> details = Map.of("merge_id", mergeId.toString(), "source", sourceId.toString(),
                    "target", targetId.toString(), "identities_moved",
                    Integer.toString(merge.identitiesMoved().size()), "services_told", Integer.toString(told.size()));
            audit(initiator, AuditEventType.ACCOUNTS_MERGED, now.toInstant(), sourceId, targetId, details);
            return new MergeOutcome.Merged(merge, told);
        });
    }

    @Override
    public UndoOutcome undo(UUID sourceAccountId, Optional<Instant> sourceVersion, Initiator initiator) {
        Objects.requireNonNull(sourceVersion, "sourceVersion");
        Objects.requireNonNull(initiator, "initiator");
        return transactions.execute(status -> {
            Optional<AccountMerge> seen = activeMergeOf(sourceAccountId);
            if (seen.isEmpty()) {
                return accounts.findById(sourceAccountId).isEmpty() ? new UndoOutcome.AccountNotFound()
                        : new UndoOutcome.NotMerged();
            }
            UUID targetId = seen.get().targetAccountId();
            AccountLocks.lock(jdbc, sourceAccountId, targetId);
            Optional<AccountMerge> active = activeMergeOf(sourceAccountId);
            Optional<Account> source = accounts.findById(sourceAccountId);
            if (source.isEmpty()) {
                return new UndoOutcome.AccountNotFound();
            }
            if (active.isEmpty()) {
                return new UndoOutcome.NotMerged();
            }
            if (!active.get().id().equals(seen.get().id())
                    || sourceVersion.filter(v -> !v.equals(source.get().updatedAt())).isPresent()) {
                return new UndoOutcome.Changed();
            }
            AccountMerge merge = active.get();
            Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
            List<LinkedIdentity> restored = new ArrayList<>();
            List<MovedIdentity> notRestored = new ArrayList<>();
            for (MovedIdentity moved : merge.identitiesMoved()) {
                int back = jdbc.sql("""
                        UPDATE linked_legacy_identity SET account_id = ?, password_fingerprint = ?
                        WHERE connector_id = ? AND legacy_subject = ? AND account_id = ?""")
                        .params(sourceAccountId, moved.passwordFingerprint().orElse(null), moved.connectorId(),
                                moved.legacySubject(), targetId)
                        .update();
                if (back == 1) {
                    restored.add(links.find(moved.connectorId(), moved.legacySubject()).orElseThrow());
                } else {
                    notRestored.add(moved);
                }
            }
            // A service the target has used since the merge stays on its list: that use was the target's own.
            jdbc.sql("""
                    DELETE FROM service_sign_in s USING account_merge_service m
                    WHERE m.merge_id = ? AND s.account_id = ? AND s.client_id = m.client_id
                      AND s.last_signed_in_at <= ?""")
                    .params(merge.id(), targetId, Timestamp.from(merge.mergedAt())).update();
            jdbc.sql("UPDATE account SET status = ?, merged_into = NULL, updated_at = ? WHERE id = ?")
                    .params(merge.sourcePreviousStatus().name(), now, sourceAccountId).update();
            jdbc.sql("UPDATE account SET updated_at = ? WHERE id = ?").params(now, targetId).update();
            jdbc.sql("UPDATE account_merge SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?")
                    .params(now, actor(initiator.actor()), initiator.reason(), merge.id()).update();
            Set<String> told = new LinkedHashSet<>();
            for (LinkedIdentity identity : restored) {
                told.addAll(events.legacyIdentityUnlinked(targetId, identity.connectorId(),
                        identity.legacySubject()));
            }
            Map<String, String> details = Map.of("merge_id", merge.id().toString(),
                    "source", sourceAccountId.toString(), "target", targetId.toString(),
                    "identities_restored", Integer.toString(restored.size()),
                    "identities_not_restored", Integer.toString(notRestored.size()),
                    "services_told", Integer.toString(told.size()));
            audit(initiator, AuditEventType.ACCOUNT_MERGE_UNDONE, now.toInstant(), sourceAccountId, targetId,
                    details);
            return new UndoOutcome.Undone(find(merge.id()).orElseThrow(), restored, notRestored, List.copyOf(told));
        });
    }

    @Override
    public Optional<AccountMerge> activeMergeOf(UUID sourceAccountId) {
        return jdbc.sql("SELECT id FROM account_merge WHERE source_account_id = ? AND undone_at IS NULL")
                .param(sourceAccountId).query(UUID.class).optional().flatMap(this::find);
    }

    @Override
    public List<AccountMerge> activeMergesInto(UUID targetAccountId) {
        return jdbc.sql("""
                SELECT id FROM account_merge WHERE target_account_id = ? AND undone_at IS NULL
                ORDER BY merged_at, id""").param(targetAccountId).query(UUID.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    private Optional<AccountMerge> find(UUID mergeId) {
        List<MovedIdentity> identities = jdbc.sql("""
                SELECT connector_id, legacy_subject, password_fingerprint FROM account_merge_identity
                WHERE merge_id = ? ORDER BY connector_id, legacy_subject""").param(mergeId)
                .query((rs, row) -> new MovedIdentity(rs.getString("connector_id"), rs.getString("legacy_subject"),
                        Optional.ofNullable(rs.getString("password_fingerprint"))))
                .list();
        List<String> services = jdbc.sql("SELECT client_id FROM account_merge_service WHERE merge_id = ? "
                + "ORDER BY client_id").param(mergeId).query(String.class).list();
        return jdbc.sql("""
                SELECT id, source_account_id, target_account_id, source_previous_status, merged_at, merged_by, reason,
                       undone_at
                FROM account_merge WHERE id = ?""").param(mergeId)
                .query((rs, row) -> map(rs, identities, services)).optional();
    }

    private static AccountMerge map(ResultSet rs, List<MovedIdentity> identities, List<String> services)
            throws SQLException {
        Timestamp undoneAt = rs.getTimestamp("undone_at");
        return new AccountMerge(rs.getObject("id", UUID.class), rs.getObject("source_account_id", UUID.class),
                rs.getObject("target_account_id", UUID.class),
                AccountStatus.valueOf(rs.getString("source_previous_status")),
                rs.getTimestamp("merged_at").toInstant(), rs.getString("merged_by"), rs.getString("reason"),
                identities, services, Optional.ofNullable(undoneAt).map(Timestamp::toInstant));
    }

    /** One entry for each account, so that the audit log filtered by either account shows the change. */
    private void audit(Initiator initiator, AuditEventType type, Instant at, UUID sourceId, UUID targetId,
            Map<String, String> details) {
        List<AuditEvent> entries = new ArrayList<>();
        for (Map.Entry<String, UUID> role : Map.of("source", sourceId, "target", targetId).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Map<String, String> all = new TreeMap<>(initiator.auditDetails());
            all.putAll(details);
            all.put("role", role.getKey());
            all.put("reason", initiator.reason());
            entries.add(new AuditEvent(at, initiator.actor(), type, Optional.of(role.getValue()), initiator.origin(),
                    all));
        }
        auditLog.appendAll(entries);
    }

    /** The actor as stored with a merge: {@code OPERATOR:ops-jane}, {@code CITIZEN:<account id>}. */
    static String actor(Actor actor) {
        return actor.type().name() + actor.id().map(id -> ":" + id).orElse("");
    }
}
