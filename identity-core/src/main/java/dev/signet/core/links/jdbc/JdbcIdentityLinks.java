package dev.signet.core.links.jdbc;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.AccountLocks;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.Initiator;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.links.IdentityLinks;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkOutcome;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.UnlinkOutcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link IdentityLinks} on PostgreSQL (table {@code linked_legacy_identity}, migration V70). Each change takes the
 * account's advisory lock ({@link AccountLocks}) so that it never interleaves with a merge of the same account.
 */
public final class JdbcIdentityLinks implements IdentityLinks {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AccountRepository accounts;
    private final LinkedIdentityRepository links;
    private final RelyingPartyEvents events;
    private final AuditLog auditLog;
    private final Clock clock;

    public JdbcIdentityLinks(DataSource dataSource, RelyingPartyEvents events, AuditLog auditLog, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.accounts = new JdbcAccountRepository(dataSource, clock);
        this.links = new JdbcLinkedIdentityRepository(dataSource);
        this.events = Objects.requireNonNull(events, "events");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LinkOutcome link(UUID accountId, String connectorId, String legacySubject,
            Optional<Instant> accountVersion, Initiator initiator) {
        return transactions.execute(status -> {
            AccountLocks.lock(jdbc, accountId);
            Optional<Account> account = accounts.findById(accountId);
            if (account.isEmpty()) {
                return new LinkOutcome.AccountNotFound();
            }
            if (account.get().status() == AccountStatus.MERGED) {
                return new LinkOutcome.AccountMerged();
            }
            if (accountVersion.filter(v -> !v.equals(account.get().updatedAt())).isPresent()) {
                return new LinkOutcome.Changed();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            LinkedIdentity link = LinkedIdentity.of(accountId, connectorId, legacySubject, now, LinkMethod.OPERATOR,
                    Optional.empty());
            // ON CONFLICT rather than catching a duplicate key: a failed statement would abort the transaction.
            int inserted = jdbc.sql("""
                    INSERT INTO linked_legacy_identity (account_id, connector_id, legacy_subject, linked_at, linked_by)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(accountId, connectorId, legacySubject, Timestamp.from(now), link.linkedBy()).update();
            if (inserted == 0) {
                return new LinkOutcome.AlreadyLinked(links.find(connectorId, legacySubject).orElseThrow().accountId());
            }
            touch(accountId, now);
            audit(initiator, AuditEventType.LEGACY_IDENTITY_LINKED, now, accountId, Map.of("connector", connectorId,
                    "method", LinkMethod.OPERATOR.value()));
            return new LinkOutcome.Linked(link);
        });
    }

    @Override
    public UnlinkOutcome unlink(UUID accountId, String connectorId, String legacySubject,
            Optional<Instant> accountVersion, Initiator initiator) {
        return transactions.execute(status -> {
            AccountLocks.lock(jdbc, accountId);
            Optional<Account> account = accounts.findById(accountId);
            if (account.isEmpty()) {
                return new UnlinkOutcome.AccountNotFound();
            }
            if (accountVersion.filter(v -> !v.equals(account.get().updatedAt())).isPresent()) {
                return new UnlinkOutcome.Changed();
            }
            Optional<LinkedIdentity> link = links.find(connectorId, legacySubject)
                    .filter(found -> found.accountId().equals(accountId));
            if (link.isEmpty()) {
                return new UnlinkOutcome.NotLinked();
            }
            jdbc.sql("DELETE FROM linked_legacy_identity WHERE connector_id = ? AND legacy_subject = ?")
                    .params(connectorId, legacySubject).update();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            touch(accountId, now);
            List<String> told = events.legacyIdentityUnlinked(accountId, connectorId, legacySubject);
            audit(initiator, AuditEventType.LEGACY_IDENTITY_UNLINKED, now, accountId, Map.of("connector", connectorId,
                    "services_told", Integer.toString(told.size())));
            return new UnlinkOutcome.Unlinked(link.get(), told);
        });
    }

    /** Links are part of the account as operators see it: a change to them is a new version of the account. */
    private void touch(UUID accountId, Instant now) {
        jdbc.sql("UPDATE account SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), accountId).update();
    }

    private void audit(Initiator initiator, AuditEventType type, Instant at, UUID accountId,
            Map<String, String> details) {
        Map<String, String> all = new TreeMap<>(initiator.auditDetails());
        all.putAll(details);
        all.put("reason", initiator.reason());
        auditLog.append(new AuditEvent(at, initiator.actor(), type, Optional.of(accountId), initiator.origin(), all));
    }
}
