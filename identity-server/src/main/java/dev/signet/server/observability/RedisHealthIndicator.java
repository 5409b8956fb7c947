package dev.signet.server.observability;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.AsyncExecutions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Redis is up when it answers PING on the connection the server shares, within a short timeout: a readiness probe must
 * answer quickly, and a Redis that takes seconds to answer is not one the server should take traffic with. With a Redis
 * Cluster every master must answer: a master that does not leaves its hash slots, and so some citizens, without
 * service. Boot's own Redis indicator needs Spring Data's connection factory, which Signet does not create (Redis is optional).
 */
final class RedisHealthIndicator implements HealthIndicator {

    private final StatefulConnection<String, String> connection;
    private final Duration timeout;

    RedisHealthIndicator(StatefulConnection<String, String> connection, Duration timeout) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Health health() {
        CompletableFuture<String> reply = ping();
        try {
            String pong = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return "PONG".equals(pong) ? Health.up().build() : Health.down().withDetail("reply", pong).build();
        } catch (TimeoutException e) {
            reply.cancel(true);
            return Health.down().withDetail("error", "no reply to PING within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    /** PONG from the server, or from every master of a cluster (else the first other reply). */
    private CompletableFuture<String> ping() {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            AsyncExecutions<String> pings = cluster.async().upstream().commands().ping();
            return pings.thenApply(replies -> replies.stream().filter(reply -> !"PONG".equals(reply)).findFirst()
                    .orElse(replies.isEmpty() ? "no master known" : "PONG")).toCompletableFuture();
        }
        return ((StatefulRedisConnection<String, String>) connection).async().ping().toCompletableFuture();
    }
}
