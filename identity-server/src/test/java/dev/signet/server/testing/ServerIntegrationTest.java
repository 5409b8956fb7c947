package dev.signet.server.testing;

import dev.signet.core.testing.PostgresTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every identity-server integration test: the whole server on a random port, backed by a real PostgreSQL
 * server (one server and one database per JVM, shared by every Spring context: use unique emails and client ids). Tests that extend this class without adding configuration
 * share one Spring context, which keeps the suite fast; give a test its own settings only when it needs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServerIntegrationTest {

    @LocalServerPort
    protected int port;

    /** One database for all server contexts of this JVM; created on first read (Spring may read it repeatedly). */
    private static String databaseUrl;

    private static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = PostgresTestServer.newEmptyDatabaseUrl();
        }
        return databaseUrl;
    }

    @DynamicPropertySource
    static void realPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", ServerIntegrationTest::databaseUrl);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
