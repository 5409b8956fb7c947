package dev.signet.core.idempotency.jdbc;

import dev.signet.core.idempotency.IdempotencyClaim;
import dev.signet.core.idempotency.IdempotencyStore;
import dev.signet.core.idempotency.StoredResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link IdempotencyStore} on PostgreSQL (table {@code idempotency_key}, migration V92). The primary key on
 * (scope, key) decides which of two simultaneous first requests wins. A claim whose request never finished (the
 * instance died) is given up after {@code abandonedAfter}, so the key does not stay blocked until it expires.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final ObjectMapper json = JsonMapper.builder().build();

    public JdbcIdempotencyStore(DataSource dataSource, Clock clock, Duration abandonedAfter) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.abandonedAfter = Objects.requireNonNull(abandonedAfter, "abandonedAfter");
    }

    @Override
    public IdempotencyClaim claim(String scope, String key, String fingerprint, Duration keepFor) {
        Instant now = clock.instant();
        jdbc.sql("""
                DELETE FROM idempotency_key
                WHERE scope = ? AND idempotency_key = ?
                  AND (expires_at <= ? OR (status IS NULL AND created_at <= ?))""")
                .params(scope, key, Timestamp.from(now), Timestamp.from(now.minus(abandonedAfter)))
                .update();
        int claimed = jdbc.sql("""
                INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (scope, idempotency_key) DO NOTHING""")
                .params(scope, key, fingerprint, Timestamp.from(now), Timestamp.from(now.plus(keepFor)))
                .update();
        if (claimed == 1) {
            return new IdempotencyClaim.Claimed();
        }
        Optional<Existing> existing = jdbc.sql("""
                SELECT fingerprint, status, headers::text AS headers, body FROM idempotency_key
                WHERE scope = ? AND idempotency_key = ?""")
                .params(scope, key)
                .query((rs, row) -> new Existing(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                        rs.getString("headers"), rs.getBytes("body")))
                .optional();
        if (existing.isEmpty()) {
            // Released or purged between our insert and select: the caller may simply try again.
            return new IdempotencyClaim.InProgress();
        }
        Existing row = existing.get();
        if (!row.fingerprint().equals(fingerprint)) {
            return new IdempotencyClaim.KeyReused();
        }
        if (row.status() == null) {
            return new IdempotencyClaim.InProgress();
        }
        return new IdempotencyClaim.Replay(new StoredResponse(row.status(), json.readValue(row.headers(), HEADERS),
                row.body()));
    }

    @Override
    public void complete(String scope, String key, StoredResponse response) {
        jdbc.sql("""
                UPDATE idempotency_key SET status = ?, headers = ?::jsonb, body = ?
                WHERE scope = ? AND idempotency_key = ?""")
                .params(response.status(), json.writeValueAsString(response.headers()), response.body(), scope, key)
                .update();
    }

    @Override
    public void release(String scope, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE scope = ? AND idempotency_key = ? AND status IS NULL")
                .params(scope, key)
                .update();
    }

    @Override
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at <= ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    private record Existing(String fingerprint, Integer status, String headers, byte[] body) {
    }
}
