package dev.signet.core.events.jdbc;

import dev.signet.core.events.IssuedSubjects;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link IssuedSubjects} on PostgreSQL (table {@code relying_party_subject}, migration V87). */
public final class JdbcIssuedSubjects implements IssuedSubjects {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcIssuedSubjects(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(UUID accountId, Collection<String> clientIds) {
        Objects.requireNonNull(accountId, "accountId");
        if (clientIds.isEmpty()) {
            return;
        }
        // One statement whatever the number of clients; an existing row is left as it is (no write, no lock wait).
        jdbc.sql("""
                INSERT INTO relying_party_subject (account_id, client_id, first_issued_at)
                SELECT ?, client_id, ? FROM unnest(?::text[]) AS client_id
                ON CONFLICT DO NOTHING""")
                .params(accountId, Timestamp.from(clock.instant()), clientIds.toArray(String[]::new))
                .update();
    }

    @Override
    public List<String> clientsThatKnow(UUID accountId) {
        return jdbc.sql("SELECT client_id FROM relying_party_subject WHERE account_id = ? ORDER BY client_id")
                .param(accountId).query(String.class).list();
    }
}
