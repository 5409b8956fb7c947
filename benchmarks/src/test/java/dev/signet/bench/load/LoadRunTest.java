package dev.signet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's own mechanics against a small HTTP server in this JVM that answers like a token endpoint: counting,
 * failure grouping, client authentication and CPU accounting. The real server is driven by benchmarks/run-load.sh.
 */
class LoadRunTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String expectedAuthorization;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/oauth2/token", exchange -> {
            int n = requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean authenticated = expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean fail = !authenticated || !body.contains("grant_type=client_credentials") || n % 10 == 0;
            byte[] answer = (fail ? "{\"error\":\"invalid_client\"}"
                    : "{\"access_token\":\"t" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 401 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Test
    void countedRunMeasuresExactlyThatManyOperationsAndGroupsFailures() throws Exception {
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                "bench-client:s%26cret".getBytes(StandardCharsets.UTF_8));
        URI origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        TokenClient client = new TokenClient(HttpClient.newHttpClient(), Provider.signet(origin),
                new ClientAuthentication.SecretBasic("bench-client", "s&cret"),
                Duration.ofSeconds(10));

        LoadReport report = new LoadRun(Flows.clientCredentials(client, null), 3, Duration.ZERO, Duration.ofHours(1),
                50, List.of(ProcessHandle.current().pid()), ProcessCpu.forThisMachine()).run();

        assertThat(report.succeeded() + report.failed()).isEqualTo(50);
        assertThat(report.failed()).isPositive();
        assertThat(report.failures()).containsOnlyKeys("token endpoint answered 401 invalid_client");
        assertThat(report.serverCpuSeconds()).isPositive();
        assertThat(report.format()).contains("flow         client-credentials")
                .contains("operations per server CPU-second").contains("failure");
    }

    @Test
    void wrongClientSecretFailsEveryOperation() throws Exception {
        expectedAuthorization = "Basic something else";
        URI origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        TokenClient client = new TokenClient(HttpClient.newHttpClient(), Provider.signet(origin),
                new ClientAuthentication.SecretBasic("bench-client", "wrong"),
                Duration.ofSeconds(10));

        LoadReport report = new LoadRun(Flows.clientCredentials(client, "api"), 2, Duration.ZERO, Duration.ofHours(1),
                10, List.of(), ProcessCpu.forThisMachine()).run();

        assertThat(report.succeeded()).isZero();
        assertThat(report.failed()).isEqualTo(10);
        assertThat(report.format()).contains("not measured");
    }
}
