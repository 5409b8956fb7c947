package dev.signet.server.testing;

import dev.signet.core.testing.RedisTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Like {@link ServerIntegrationTest}, but with shared state in a real redis-server, as in a multi-instance deployment.
 * Subclasses share one Spring context among themselves.
 */
public abstract class RedisServerIntegrationTest extends ServerIntegrationTest {

    @DynamicPropertySource
    static void realRedis(DynamicPropertyRegistry registry) {
        registry.add("signet.redis.url", RedisTestServer::uri);
    }
}
