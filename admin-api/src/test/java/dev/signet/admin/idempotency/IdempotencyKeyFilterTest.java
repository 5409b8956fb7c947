package dev.signet.admin.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.signet.core.idempotency.jdbc.JdbcIdempotencyStore;
import dev.signet.core.testing.PostgresTestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The idempotency-key filter in front of a create operation, with its store on a real PostgreSQL database. The
 * operation counts how often it really runs.
 */
class IdempotencyKeyFilterTest {

    private final CreatingController controller = new CreatingController();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        JdbcIdempotencyStore store = new JdbcIdempotencyStore(PostgresTestServer.newMigratedDatabase(),
                Clock.systemUTC(), Duration.ofMinutes(2));
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .addFilters(new IdempotencyKeyFilter(store, Duration.ofHours(24)))
                .build();
        signedInAs("ops-client-a");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedInAs(String operator) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(operator, "n/a",
                List.of()));
    }

    private MockHttpServletResponse create(String key, String body) throws Exception {
        var request = post("/things").contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header(IdempotencyKeyFilter.HEADER, key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndCreatesNothingMore() throws Exception {
        MockHttpServletResponse first = create("\"5f1b7c1e-0a9e-4c55-9d8e-1f2a3b4c5d6e\"", "{\"name\":\"a\"}");
        MockHttpServletResponse retry = create("\"5f1b7c1e-0a9e-4c55-9d8e-1f2a3b4c5d6e\"", "{\"name\":\"a\"}");

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString()).contains("\"number\":1");
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location")).isEqualTo("/things/1");
        assertThat(retry.getHeader(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        assertThat(first.getHeader(IdempotencyKeyFilter.REPLAYED)).isNull();
        assertThat(controller.created.get()).isEqualTo(1);
    }

    @Test
    void aNewKeyCreatesAgain() throws Exception {
        create("key-one", "{\"name\":\"a\"}");
        MockHttpServletResponse second = create("key-two", "{\"name\":\"a\"}");

        assertThat(second.getContentAsString()).contains("\"number\":2");
        assertThat(controller.created.get()).isEqualTo(2);
    }

    @Test
    void theSameKeyForAnotherBodyIsA422Problem() throws Exception {
        create("key-reused", "{\"name\":\"a\"}");
        MockHttpServletResponse other = create("key-reused", "{\"name\":\"b\"}");

        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        assertThat(other.getContentAsString()).contains("idempotency-key-reused");
        assertThat(controller.created.get()).isEqualTo(1);
    }

    @Test
    void aPostWithoutAKeyIsA400Problem() throws Exception {
        MockHttpServletResponse response = create(null, "{\"name\":\"a\"}");
        MockHttpServletResponse blank = create("\"\"", "{\"name\":\"a\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("idempotency-key-missing");
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(controller.created.get()).isZero();
    }

    @Test
    void keysOfDifferentOperatorsAreApart() throws Exception {
        create("shared-key", "{\"name\":\"a\"}");
        signedInAs("ops-client-b");
        MockHttpServletResponse theirs = create("shared-key", "{\"name\":\"a\"}");

        assertThat(theirs.getHeader(IdempotencyKeyFilter.REPLAYED)).isNull();
        assertThat(controller.created.get()).isEqualTo(2);
    }

    @Test
    void aFailedFirstAttemptIsNotStoredSoTheRetryRunsAgain() throws Exception {
        controller.failNext = true;
        MockHttpServletResponse failed = create("key-after-failure", "{\"name\":\"a\"}");
        MockHttpServletResponse retried = create("key-after-failure", "{\"name\":\"a\"}");

        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeader(IdempotencyKeyFilter.REPLAYED)).isNull();
    }

    @Test
    void aResponseNotToBeStoredIsNeverReplayedAndTheRetryIsToldItWasDone() throws Exception {
        controller.secretNext = true;
        MockHttpServletResponse first = create("key-for-a-secret", "{\"name\":\"a\"}");
        MockHttpServletResponse retry = create("key-for-a-secret", "{\"name\":\"a\"}");

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getContentType()).startsWith("application/problem+json");
        assertThat(retry.getContentAsString()).contains("idempotency-response-not-kept").doesNotContain("number");
        assertThat(retry.getHeader(IdempotencyKeyFilter.REPLAYED)).isEqualTo("true");
        assertThat(controller.created.get()).isEqualTo(1);
    }

    @Test
    void keysAreStructuredFieldStringsOrPlainTokens() {
        assertThat(IdempotencyKeyFilter.parseKey("\"abc-123\"")).isEqualTo("abc-123");
        assertThat(IdempotencyKeyFilter.parseKey("abc-123")).isEqualTo("abc-123");
        assertThat(IdempotencyKeyFilter.parseKey("\"with space\"")).isNull();
        assertThat(IdempotencyKeyFilter.parseKey("x".repeat(256))).isNull();
    }

    /** Stands for any create operation of the API. */
    @RestController
    static class CreatingController {
        final AtomicInteger created = new AtomicInteger();
        volatile boolean failNext;
        volatile boolean secretNext;

        @PostMapping("/things")
        ResponseEntity<String> create(@RequestBody String body) {
            if (failNext) {
                failNext = false;
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("{\"error\":\"try later\"}");
            }
            int number = created.incrementAndGet();
            ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", "/things/" + number);
            if (secretNext) {
                secretNext = false;
                response.header("Cache-Control", "no-store");
            }
            return response.contentType(MediaType.APPLICATION_JSON).body("{\"number\":" + number + "}");
        }
    }
}
