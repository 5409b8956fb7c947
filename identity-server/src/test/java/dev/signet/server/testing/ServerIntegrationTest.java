package dev.signet.server.testing;

import dev.signet.core.testing.PostgresTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every identity-server integration test: the whole server on a random port, backed by a real PostgreSQL
 * server (one per JVM, one database per Spring context). Tests that extend this class without adding configuration
 * share one Spring context, which keeps the suite fast; give a test its own settings only when it needs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServerIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestServer::newEmptyDatabaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
