package dev.signet.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.admin.testing.AdminApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Only Signet's tokens for the admin API, with the right scope, get in; every refusal is a problem document. */
class AccessTokensIT extends AdminApiIntegrationTest {

    @Test
    void noTokenIsA401ProblemWithTheBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/accounts?email=someone@example.com", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertProblem(response, 401, "https://signet.dev/problems/invalid-token");
    }

    @Test
    void tokensSignetDidNotIssueForThisApiAreRefused() throws Exception {
        String issuer = signet().issuer();
        List<String> refused = List.of(
                signet().forgedToken("ops", "admin.read"),
                signet().tokenFor("ops", issuer, List.of("some-other-api"), Instant.now().plusSeconds(60),
                        "admin.read"),
                signet().tokenFor("ops", "https://not-signet.example", List.of("signet-admin-api"),
                        Instant.now().plusSeconds(60), "admin.read"),
                signet().tokenFor("ops", issuer, List.of("signet-admin-api"), Instant.now().minusSeconds(120),
                        "admin.read"),
                "not-a-jwt");

        for (String token : refused) {
            HttpResponse<String> response = get("/accounts?email=someone@example.com", token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).contains("invalid_token"));
            assertProblem(response, 401, "https://signet.dev/problems/invalid-token");
        }
    }

    @Test
    void scopesSeparateReadingAccountsFromReadingTheAuditLog() throws Exception {
        String reader = signet().token("ops-reader", "admin.read");
        String auditor = signet().token("ops-auditor", "audit.read");

        assertThat(get("/accounts?email=someone@example.com", reader).statusCode()).isEqualTo(200);
        assertThat(get("/audit/verify", auditor).statusCode()).isEqualTo(200);

        HttpResponse<String> readerOnAudit = get("/audit", reader);
        assertThat(readerOnAudit.statusCode()).isEqualTo(403);
        assertThat(readerOnAudit.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("insufficient_scope"));
        assertProblem(readerOnAudit, 403, "https://signet.dev/problems/insufficient-scope");
        assertThat(get("/accounts?email=someone@example.com", auditor).statusCode()).isEqualTo(403);
        assertThat(get("/accounts?email=someone@example.com", signet().token("ops-support", "admin.support"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void pathsNoFeatureClaimsAreRefusedEvenWithEveryScope() throws Exception {
        HttpResponse<String> response = get("/internal/anything",
                signet().token("ops-all", "admin.read", "admin.support", "admin.manage", "audit.read"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, 403, "https://signet.dev/problems/insufficient-scope");
    }

    @Test
    void healthAndTheApiDocumentNeedNoToken() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
