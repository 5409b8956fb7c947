package dev.signet.core.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.audit.AuditChain;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditLogContract;
import dev.signet.core.audit.ChainVerification;
import dev.signet.core.testing.PostgresTestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcAuditLogTest extends AuditLogContract {

    private HikariDataSource dataSource;
    private AuditLog log;

    @BeforeEach
    void freshDatabase() {
        dataSource = PostgresTestServer.newMigratedDatabase();
        log = new JdbcAuditLog(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Override
    protected AuditLog log() {
        return log;
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        log.append(signIn(UUID.randomUUID(), T0));
        JdbcClient jdbc = JdbcClient.create(dataSource);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor_id = 'someone-else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_head SET last_seq = 0").update())
                .hasMessageContaining("only moves forward");
        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void anEntryChangedInTheDatabaseIsFoundByVerification() {
        appendFive();

        tamper(jdbc -> jdbc.sql("UPDATE audit_entry SET details = '{\"outcome\":\"success\"}' WHERE seq = 3")
                .update());

        assertThat(log.verify()).isEqualTo(new ChainVerification.Broken(3,
                "entry 3 has been changed: its hash does not match its content"));
    }

    @Test
    void anEntryChangedWithItsHashRecomputedBreaksTheNextLink() {
        List<AuditEntry> entries = appendFive();
        AuditEntry third = entries.get(2);
        AuditEvent forged = operatorView("someone-else", third.event().accountId().orElseThrow(),
                third.event().occurredAt());
        String forgedHash = AuditChain.hash(3, forged, third.prevHash());

        tamper(jdbc -> jdbc.sql("UPDATE audit_entry SET actor_type = 'OPERATOR', actor_id = 'someone-else', "
                        + "event_type = ?, client_address = ?, user_agent = ?, details = '{}', hash = ? WHERE seq = 3")
                .params(forged.type().value(), forged.origin().clientAddress().orElseThrow(),
                        forged.origin().userAgent().orElseThrow(), forgedHash)
                .update());

        assertThat(log.verify()).isEqualTo(new ChainVerification.Broken(4,
                "entry 4 does not link to the hash of the entry before it"));
    }

    @Test
    void aRemovedEntryIsFound() {
        appendFive();

        tamper(jdbc -> jdbc.sql("DELETE FROM audit_entry WHERE seq = 2").update());

        assertThat(log.verify()).isEqualTo(new ChainVerification.Broken(2,
                "entry 2 is missing (the next entry is 3)"));
    }

    @Test
    void entriesRemovedFromTheEndAreFound() {
        appendFive();

        tamper(jdbc -> jdbc.sql("DELETE FROM audit_entry WHERE seq >= 4").update());

        assertThat(log.verify()).isEqualTo(new ChainVerification.Broken(4,
                "the chain head names entry 5 as the last, but the log ends at entry 3"));
    }

    @Test
    void concurrentAppendsFromSeveralInstancesKeepOneChain() throws Exception {
        // Two connection pools stand for two server instances sharing the database.
        HikariDataSource secondInstance = new HikariDataSource(copyOf(dataSource));
        try {
            List<AuditLog> instances = List.of(log, new JdbcAuditLog(secondInstance));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<List<AuditEntry>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AuditLog instance = instances.get(t % 2);
                results.add(threads.submit(() -> {
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        mine.addAll(i % 5 == 0
                                ? instance.appendAll(List.of(signIn(UUID.randomUUID(), T0),
                                        failedSignIn(UUID.randomUUID(), T0)))
                                : List.of(instance.append(signIn(UUID.randomUUID(), T0))));
                    }
                    return mine;
                }));
            }
            Set<Long> seqs = new HashSet<>();
            for (Future<List<AuditEntry>> result : results) {
                result.get().forEach(entry -> seqs.add(entry.seq()));
            }
            threads.shutdown();

            // 8 threads x (16 single appends + 4 pairs) = 192 entries, numbered 1..192 without gaps or repeats.
            assertThat(seqs).hasSize(192).allMatch(seq -> seq >= 1 && seq <= 192);
            assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class)
                    .extracting(v -> ((ChainVerification.Intact) v).entries()).isEqualTo(192L);
        } finally {
            secondInstance.close();
        }
    }

    @Test
    void anAppendInsideAFailedTransactionLeavesNoTrace() {
        log.append(signIn(UUID.randomUUID(), T0));
        TransactionTemplate outer = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            log.append(signIn(UUID.randomUUID(), T0));
            throw new IllegalStateException("the operator's change failed");
        })).hasMessage("the operator's change failed");

        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class)
                .extracting(v -> ((ChainVerification.Intact) v).entries()).isEqualTo(1L);
    }

    private List<AuditEntry> appendFive() {
        UUID account = UUID.randomUUID();
        List<AuditEntry> entries = log.appendAll(List.of(signIn(account, T0), failedSignIn(account, T0),
                failedSignIn(account, T0.plusSeconds(1)), signIn(account, T0.plusSeconds(2)),
                operatorView("ops", account, T0.plusSeconds(3))));
        assertThat(log.verify()).isInstanceOf(ChainVerification.Intact.class);
        return entries;
    }

    /** Changes rows as someone with superuser rights could: with the append-only triggers switched off. */
    private void tamper(Consumer<JdbcClient> change) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            change.accept(jdbc);
        });
    }

    private static HikariConfig copyOf(HikariDataSource source) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(source.getJdbcUrl());
        config.setUsername(source.getUsername());
        config.setMaximumPoolSize(4);
        return config;
    }
}
