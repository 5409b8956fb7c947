package dev.signet.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.core.testing.RedisTestServer;
import dev.signet.server.testing.TestBrowser;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shipped production configuration (deploy/config/identity-server-production.yml), read as an operator would use
 * it, with its variables pointing at real servers: PostgreSQL, Redis and an SMTP server. It starts without the
 * embedded defaults, serves discovery at the configured issuer, reports db and redis on the management port, and
 * delivers a sign-up code by SMTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=file:../deploy/config/identity-server-production.yml")
class ProductionConfigurationIT {

    /**
     * Plain http only because the test talks to the server directly: with an https issuer the session cookie is Secure
     * (and __Host-), which an HTTP client never sends back over http (SessionCookieTest covers that case).
     */
    private static final String ISSUER = "http://signin.example.gov.uk";

    /** Started before the Spring context (which connects to it), stopped after the class. */
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void operatorSuppliedVariables(DynamicPropertyRegistry registry) {
        registry.add("SIGNET_ISSUER", () -> ISSUER);
        registry.add("SIGNET_DATA_DIRECTORY", () -> "target/production-config-it");
        registry.add("SIGNET_CLIENTS_FILE", () -> "classpath:signet/test-relying-parties.yml");
        registry.add("SIGNET_KEYS_ENCRYPTION_KEY", () -> "cHJvZHVjdGlvbi1jb25maWctaXQta2V5LTMyLWJ5dGU=");
        registry.add("SIGNET_SUBJECTS_PAIRWISE_SALT", () -> "production-config-it-salt-0123456789");
        registry.add("SIGNET_CODES_HMAC_KEY", () -> "cHJvZHVjdGlvbi1jb25maWctaXQtaG1hYy1rZXktMzI=");
        registry.add("SIGNET_REDIS_URL", RedisTestServer::uri);
        registry.add("SIGNET_MAIL_FROM", () -> "Signet <no-reply@signin.example.gov.uk>");
        registry.add("SPRING_DATASOURCE_URL", PostgresTestServer::newEmptyDatabaseUrl);
        registry.add("SPRING_DATASOURCE_USERNAME", () -> "postgres");
        registry.add("SPRING_DATASOURCE_PASSWORD", () -> "");
        registry.add("SPRING_MAIL_HOST", () -> "127.0.0.1");
        registry.add("SPRING_MAIL_PORT", () -> SMTP.getSmtp().getPort());
        registry.add("SIGNET_MAIL_STARTTLS", () -> "false");
        registry.add("MANAGEMENT_SERVER_PORT", () -> "0");
    }

    @Test
    void discoveryNamesTheConfiguredIssuer() throws Exception {
        HttpResponse<String> discovery = get("http://localhost:" + port + "/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + ISSUER + "\"");
    }

    @Test
    void readinessOnTheManagementPortIncludesTheDatabaseAndRedis() throws Exception {
        HttpResponse<String> readiness = get("http://localhost:" + managementPort + "/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"}").contains("\"redis\":{\"status\":\"UP\"}");
        assertThat(get("http://localhost:" + port + "/actuator/health/readiness").statusCode()).isEqualTo(404);
    }

    @Test
    void aSignUpCodeIsDeliveredBySmtp() throws Exception {
        String email = "production-config-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestBrowser browser = new TestBrowser("http://localhost:" + port);

        TestBrowser.Page sent = browser.submit(browser.get("/sign-up"), "/sign-up",
                Map.of("email", email));

        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(SMTP.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat((String) received.getContent()).containsPattern("\\b\\d{6}\\b");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
