package dev.signet.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    // The worked example of docs/audit-log.md. The expected hash was computed outside Java, with Python's json and
    // hashlib (json.dumps(doc, sort_keys=True, separators=(',', ':'), ensure_ascii=False)), as an auditor would.
    private static final AuditEvent EXAMPLE = new AuditEvent(
            Instant.parse("2025-03-01T10:00:00.123456Z"), Actor.anonymous(), AuditEventType.SIGN_IN_FAILED,
            Optional.of(UUID.fromString("5d1c3a1e-2b7f-4a57-9a53-0d7f3f7b8c11")),
            AuditOrigin.of("192.0.2.10", "Mozilla/5.0 \"\u00e9\"\n"),
            Map.of("step", "password", "outcome", "invalid_credentials"));
    private static final String EXAMPLE_CANONICAL = "{\"account\":\"5d1c3a1e-2b7f-4a57-9a53-0d7f3f7b8c11\","
            + "\"actor\":{\"id\":null,\"type\":\"ANONYMOUS\"},\"client_address\":\"192.0.2.10\","
            + "\"details\":{\"outcome\":\"invalid_credentials\",\"step\":\"password\"},"
            + "\"occurred_at\":\"2025-03-01T10:00:00.123456Z\","
            + "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":1,"
            + "\"type\":\"sign_in.failed\",\"user_agent\":\"Mozilla/5.0 \\\"\u00e9\\\"\\n\",\"v\":1}";
    private static final String EXAMPLE_HASH = "c2595f95d494233a0858fbd783e4be021555d63d8af1130dd8e9f20fa3d273a7";

    @Test
    void documentedExampleEncodesAndHashesAsAnAuditorRecomputesIt() {
        assertThat(AuditChain.canonical(AuditChain.document(1, EXAMPLE, AuditChain.GENESIS)))
                .isEqualTo(EXAMPLE_CANONICAL);
        assertThat(AuditChain.hash(1, EXAMPLE, AuditChain.GENESIS)).isEqualTo(EXAMPLE_HASH);
    }

    @Test
    void exportLineIsTheDocumentWithItsHash() {
        AuditEntry entry = new AuditEntry(1, EXAMPLE, AuditChain.GENESIS, EXAMPLE_HASH);

        assertThat(AuditChain.exportLine(entry)).isEqualTo(EXAMPLE_CANONICAL.replace("\"details\"",
                "\"details\"").replace(",\"occurred_at\"", ",\"hash\":\"" + EXAMPLE_HASH + "\",\"occurred_at\""));
        assertThat(entry.hashMatchesContent()).isTrue();
    }

    @Test
    void everyFieldAndTheLinkChangeTheHash() {
        String original = AuditChain.hash(1, EXAMPLE, AuditChain.GENESIS);

        assertThat(AuditChain.hash(2, EXAMPLE, AuditChain.GENESIS)).isNotEqualTo(original);
        assertThat(AuditChain.hash(1, EXAMPLE, "1".repeat(64))).isNotEqualTo(original);
        assertThat(AuditChain.hash(1, new AuditEvent(EXAMPLE.occurredAt(), EXAMPLE.actor(), EXAMPLE.type(),
                EXAMPLE.accountId(), EXAMPLE.origin(), Map.of("step", "password", "outcome", "success")),
                AuditChain.GENESIS)).isNotEqualTo(original);
        assertThat(AuditChain.hash(1, new AuditEvent(EXAMPLE.occurredAt().plusNanos(1000), EXAMPLE.actor(),
                EXAMPLE.type(), EXAMPLE.accountId(), EXAMPLE.origin(), EXAMPLE.details()), AuditChain.GENESIS))
                .isNotEqualTo(original);
    }

    @Test
    void controlCharactersAreEscapedAsRfc8785Says() {
        assertThat(AuditChain.canonical(Map.of("k", "a\u0001b\u001fc\u007f\\"))).isEqualTo(
                "{\"k\":\"a\\u0001b\\u001fc\u007f\\\\\"}");
    }

    @Test
    void detailsNeverCarrySecretsAndStayStorable() {
        assertThatThrownBy(() -> new AuditEvent(Instant.EPOCH, Actor.anonymous(), AuditEventType.SIGN_IN_FAILED,
                Optional.empty(), AuditOrigin.NONE, Map.of("new_password", "x")))
                .hasMessageContaining("never hold secrets");
        assertThatThrownBy(() -> new AuditEvent(Instant.EPOCH, Actor.anonymous(), AuditEventType.SIGN_IN_FAILED,
                Optional.empty(), AuditOrigin.NONE, Map.of("Bad Key", "x"))).hasMessageContaining("snake_case");
        AuditOrigin origin = AuditOrigin.of("192.0.2.1", "nul\u0000 lone\uD800 " + "x".repeat(600));
        assertThat(origin.userAgent().orElseThrow()).startsWith("nul\uFFFD lone\uFFFD ").hasSize(500);
    }

    @Test
    void actorsHaveIdsExceptAnonymousOnes() {
        assertThatThrownBy(() -> new Actor(ActorType.OPERATOR, Optional.empty())).hasMessageContaining("needs an id");
        assertThatThrownBy(() -> new Actor(ActorType.ANONYMOUS, Optional.of("x"))).hasMessageContaining("no id");
        assertThatThrownBy(() -> new AuditEventType("Sign In")).hasMessageContaining("dotted lower-case");
    }
}
