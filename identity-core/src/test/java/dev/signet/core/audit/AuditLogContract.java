package dev.signet.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AuditLog} adapter must have. Subclasses supply the adapter on an empty log. */
public abstract class AuditLogContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456789Z");

    protected abstract AuditLog log();

    protected static AuditEvent signIn(UUID account, Instant at) {
        return new AuditEvent(at, Actor.citizen(account), AuditEventType.SIGN_IN_SUCCEEDED, Optional.of(account),
                AuditOrigin.of("192.0.2.10", "Mozilla/5.0 (test)"), Map.of("level", "Cl"));
    }

    protected static AuditEvent failedSignIn(UUID account, Instant at) {
        return new AuditEvent(at, Actor.anonymous(), AuditEventType.SIGN_IN_FAILED, Optional.of(account),
                AuditOrigin.of("198.51.100.7", null), Map.of("step", "password", "outcome", "invalid_credentials"));
    }

    protected static AuditEvent operatorView(String operator, UUID account, Instant at) {
        return new AuditEvent(at, Actor.operator(operator), AuditEventType.OPERATOR_ACCOUNT_VIEWED,
                Optional.of(account), AuditOrigin.of("203.0.113.5", "curl/8.5.0"), Map.of());
    }

    @Test
    void emptyLogIsIntact() {
        assertThat(log().verify()).isEqualTo(new ChainVerification.Intact(0, AuditChain.GENESIS));
        assertThat(log().find(AuditFilter.ALL, Optional.empty(), 10).entries()).isEmpty();
    }

    @Test
    void appendedEntriesAreNumberedFromOneAndChained() {
        UUID account = UUID.randomUUID();
        AuditEntry first = log().append(signIn(account, T0));
        List<AuditEntry> more = log().appendAll(List.of(failedSignIn(account, T0.plusSeconds(1)),
                operatorView("ops-client", account, T0.plusSeconds(2))));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(more).extracting(AuditEntry::seq).containsExactly(2L, 3L);
        assertThat(more.get(0).prevHash()).isEqualTo(first.hash());
        assertThat(more.get(1).prevHash()).isEqualTo(more.get(0).hash());
        assertThat(first.hash()).isEqualTo(AuditChain.hash(1, signIn(account, T0), AuditChain.GENESIS));
        assertThat(log().verify()).isEqualTo(new ChainVerification.Intact(3, more.get(1).hash()));
    }

    @Test
    void entriesReadBackExactlyAsWritten() {
        UUID account = UUID.randomUUID();
        AuditEvent odd = new AuditEvent(T0, Actor.system("key-rotation"), new AuditEventType("keys.rotated"),
                Optional.empty(), AuditOrigin.of(null, "agent \"quoted\" \\ \u00e9\u4e2d \uD83D\uDE00 tab\tend"),
                Map.of("kid", "k-1", "note", "line\nbreak"));
        AuditEntry written = log().appendAll(List.of(signIn(account, T0), odd)).get(1);

        AuditEntry read = log().find(AuditFilter.ALL, Optional.empty(), 1).entries().get(0);
        assertThat(read).isEqualTo(written);
        assertThat(read.event().occurredAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
        assertThat(read.hashMatchesContent()).isTrue();
    }

    @Test
    void findFiltersByAccountActorTypeAndTime() {
        UUID ada = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        log().appendAll(List.of(
                signIn(ada, T0),
                failedSignIn(grace, T0.plusSeconds(60)),
                operatorView("ops-alice", ada, T0.plusSeconds(120)),
                operatorView("ops-bob", grace, T0.plusSeconds(180)),
                signIn(grace, T0.plusSeconds(240))));

        assertThat(seqs(AuditFilter.ALL.withAccount(ada))).containsExactly(3L, 1L);
        assertThat(seqs(AuditFilter.ALL.withActor(ActorType.OPERATOR, "ops-bob"))).containsExactly(4L);
        assertThat(seqs(AuditFilter.ALL.withActor(ActorType.OPERATOR, null))).containsExactly(4L, 3L);
        assertThat(seqs(AuditFilter.ALL.withTypes(Set.of(AuditEventType.SIGN_IN_SUCCEEDED,
                AuditEventType.SIGN_IN_FAILED)))).containsExactly(5L, 2L, 1L);
        assertThat(seqs(AuditFilter.ALL.between(T0.plusSeconds(60), T0.plusSeconds(180)))).containsExactly(3L, 2L);
        assertThat(seqs(AuditFilter.ALL.withAccount(grace).withTypes(Set.of(AuditEventType.SIGN_IN_SUCCEEDED))))
                .containsExactly(5L);
    }

    @Test
    void pagesFollowEachOtherNewestFirstWithoutOverlap() {
        UUID account = UUID.randomUUID();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(signIn(account, T0.plusSeconds(i)));
        }
        log().appendAll(events);

        AuditPage first = log().find(AuditFilter.ALL, Optional.empty(), 3);
        AuditPage second = log().find(AuditFilter.ALL, first.nextBefore(), 3);
        AuditPage third = log().find(AuditFilter.ALL, second.nextBefore(), 3);

        assertThat(first.entries()).extracting(AuditEntry::seq).containsExactly(7L, 6L, 5L);
        assertThat(second.entries()).extracting(AuditEntry::seq).containsExactly(4L, 3L, 2L);
        assertThat(third.entries()).extracting(AuditEntry::seq).containsExactly(1L);
        assertThat(third.nextBefore()).isEmpty();
        assertThatThrownBy(() -> log().find(AuditFilter.ALL, Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forEachHandsEveryMatchingEntryOldestFirst() {
        UUID account = UUID.randomUUID();
        log().appendAll(List.of(signIn(account, T0), failedSignIn(UUID.randomUUID(), T0),
                signIn(account, T0.plusSeconds(1))));

        List<Long> all = new ArrayList<>();
        log().forEach(AuditFilter.ALL, entry -> all.add(entry.seq()));
        List<Long> mine = new ArrayList<>();
        log().forEach(AuditFilter.ALL.withAccount(account), entry -> mine.add(entry.seq()));

        assertThat(all).containsExactly(1L, 2L, 3L);
        assertThat(mine).containsExactly(1L, 3L);
    }

    private List<Long> seqs(AuditFilter filter) {
        return log().find(filter, Optional.empty(), 100).entries().stream().map(AuditEntry::seq).toList();
    }
}
