package dev.signet.core.audit.jdbc;

import dev.signet.core.audit.Actor;
import dev.signet.core.audit.ActorType;
import dev.signet.core.audit.AuditChain;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.AuditPage;
import dev.signet.core.audit.ChainVerification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuditLog} on PostgreSQL (tables {@code audit_entry} and {@code audit_chain_head}, migrations V90 and V91).
 *
 * <p>Every append locks the single chain-head row ({@code SELECT ... FOR UPDATE}), writes its entries after the head
 * and moves the head, in one transaction: appends from any number of instances queue on that lock and form one gapless
 * chain. An append joins a transaction already open on the same data source, so an operator's change and its audit
 * entry can be committed together.
 */
public final class JdbcAuditLog implements AuditLog {

    private static final int PAGE = 1000;
    private static final String COLUMNS = "seq, occurred_at, actor_type, actor_id, event_type, account_id, "
            + "client_address, user_agent, details::text AS details, prev_hash, hash";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate writes;
    private final TransactionTemplate snapshot;
    private final ObjectMapper json = JsonMapper.builder().build();

    public JdbcAuditLog(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.writes = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        // Verification reads the head and every entry as of one moment, while appends go on.
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<AuditEntry> appendAll(List<AuditEvent> events) {
        List<AuditEvent> toWrite = List.copyOf(events);
        if (toWrite.isEmpty()) {
            return List.of();
        }
        return writes.execute(status -> {
            Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE singleton FOR UPDATE")
                    .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                    .single();
            List<AuditEntry> written = new ArrayList<>(toWrite.size());
            long seq = head.seq();
            String prev = head.hash();
            for (AuditEvent event : toWrite) {
                seq++;
                AuditEntry entry = new AuditEntry(seq, event, prev, AuditChain.hash(seq, event, prev));
                insert(entry);
                written.add(entry);
                prev = entry.hash();
            }
            jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE singleton")
                    .params(seq, prev)
                    .update();
            return written;
        });
    }

    private void insert(AuditEntry entry) {
        AuditEvent event = entry.event();
        jdbc.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, event_type, account_id,
                                         client_address, user_agent, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(entry.seq(), Timestamp.from(event.occurredAt()), event.actor().type().name(),
                        event.actor().id().orElse(null), event.type().value(), event.accountId().orElse(null),
                        event.origin().clientAddress().orElse(null), event.origin().userAgent().orElse(null),
                        json.writeValueAsString(event.details()), entry.prevHash(), entry.hash())
                .update();
    }

    @Override
    public AuditPage find(AuditFilter filter, Optional<Long> before, int limit) {
        if (limit < 1 || limit > PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + PAGE);
        }
        Where where = where(filter);
        before.ifPresent(seq -> where.and("seq < ?", seq));
        where.params.add(limit + 1);
        List<AuditEntry> found = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where.sql()
                        + " ORDER BY seq DESC LIMIT ?")
                .params(where.params)
                .query(this::map)
                .list();
        if (found.size() <= limit) {
            return new AuditPage(found, Optional.empty());
        }
        List<AuditEntry> page = found.subList(0, limit);
        return new AuditPage(page, Optional.of(page.get(limit - 1).seq()));
    }

    @Override
    public void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
        long after = 0;
        while (true) {
            Where where = where(filter);
            where.and("seq > ?", after);
            where.params.add(PAGE);
            List<AuditEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where.sql()
                            + " ORDER BY seq LIMIT ?")
                    .params(where.params)
                    .query(this::map)
                    .list();
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    @Override
    public ChainVerification verify() {
        return snapshot.execute(status -> {
            Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE singleton")
                    .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                    .single();
            long expectedSeq = 1;
            String prev = AuditChain.GENESIS;
            while (true) {
                List<AuditEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? "
                                + "ORDER BY seq LIMIT ?")
                        .params(expectedSeq, PAGE)
                        .query(this::map)
                        .list();
                for (AuditEntry entry : page) {
                    if (entry.seq() != expectedSeq) {
                        return new ChainVerification.Broken(expectedSeq, "entry " + expectedSeq
                                + " is missing (the next entry is " + entry.seq() + ")");
                    }
                    if (!entry.prevHash().equals(prev)) {
                        return new ChainVerification.Broken(entry.seq(), "entry " + entry.seq()
                                + " does not link to the hash of the entry before it");
                    }
                    if (!entry.hashMatchesContent()) {
                        return new ChainVerification.Broken(entry.seq(), "entry " + entry.seq()
                                + " has been changed: its hash does not match its content");
                    }
                    prev = entry.hash();
                    expectedSeq++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            long last = expectedSeq - 1;
            if (head.seq() != last) {
                return new ChainVerification.Broken(Math.min(head.seq(), last + 1), "the chain head names entry "
                        + head.seq() + " as the last, but the log ends at entry " + last);
            }
            if (!head.hash().equals(prev)) {
                return new ChainVerification.Broken(last, "the chain head's hash differs from the hash of entry "
                        + last);
            }
            return new ChainVerification.Intact(last, prev);
        });
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        AuditEvent event = new AuditEvent(
                rs.getTimestamp("occurred_at").toInstant(),
                new Actor(ActorType.valueOf(rs.getString("actor_type")), Optional.ofNullable(rs.getString("actor_id"))),
                new AuditEventType(rs.getString("event_type")),
                Optional.ofNullable(rs.getObject("account_id", UUID.class)),
                new AuditOrigin(Optional.ofNullable(rs.getString("client_address")),
                        Optional.ofNullable(rs.getString("user_agent"))),
                json.readValue(rs.getString("details"), DETAILS));
        return new AuditEntry(rs.getLong("seq"), event, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Where where(AuditFilter filter) {
        Where where = new Where();
        filter.accountId().ifPresent(id -> where.and("account_id = ?", id));
        filter.actorType().ifPresent(type -> where.and("actor_type = ?", type.name()));
        filter.actorId().ifPresent(id -> where.and("actor_id = ?", id));
        if (!filter.types().isEmpty()) {
            where.and("event_type IN (" + String.join(", ", filter.types().stream().map(t -> "?").toList()) + ")",
                    filter.types().stream().map(AuditEventType::value).toArray());
        }
        filter.from().ifPresent(from -> where.and("occurred_at >= ?", Timestamp.from(from)));
        filter.to().ifPresent(to -> where.and("occurred_at < ?", Timestamp.from(to)));
        return where;
    }

    private record Head(long seq, String hash) {
    }

    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void and(String clause, Object... values) {
            clauses.add(clause);
            params.addAll(List.of(values));
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }
    }
}
