package dev.signet.server.observability;

import io.lettuce.core.api.StatefulRedisConnection;
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
 * answer quickly, and a Redis that takes seconds to answer is not one the server should take traffic with. Boot's own
 * Redis indicator needs Spring Data's connection factory, which Signet does not create (Redis is optional).
 */
final class RedisHealthIndicator implements HealthIndicator {

    private final StatefulRedisConnection<String, String> connection;
    private final Duration timeout;

    RedisHealthIndicator(StatefulRedisConnection<String, String> connection, Duration timeout) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Health health() {
        CompletableFuture<String> reply = connection.async().ping().toCompletableFuture();
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
}
