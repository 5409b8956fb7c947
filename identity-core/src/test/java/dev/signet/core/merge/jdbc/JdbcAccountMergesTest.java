package dev.signet.core.merge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.Initiator;
import dev.signet.core.audit.jdbc.JdbcAuditLog;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import dev.signet.core.events.AccountEvent;
import dev.signet.core.events.RelyingPartyEvents;
import dev.signet.core.events.SecurityEventDelivery;
import dev.signet.core.events.jdbc.JdbcIssuedSubjects;
import dev.signet.core.events.jdbc.JdbcSecurityEventOutbox;
import dev.signet.core.links.IdentityLinks;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkOutcome;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.UnlinkOutcome;
import dev.signet.core.links.jdbc.JdbcIdentityLinks;
import dev.signet.core.links.jdbc.JdbcLinkedIdentityRepository;
import dev.signet.core.logout.SessionEnding;
import dev.signet.core.logout.SessionEndingReason;
import dev.signet.core.logout.jdbc.JdbcSessionEndingOutbox;
import dev.signet.core.merge.AccountMerge;
import dev.signet.core.merge.MergeConflict;
import dev.signet.core.merge.MergeOutcome;
import dev.signet.core.merge.MergePreview;
import dev.signet.core.merge.MergeRequest;
import dev.signet.core.merge.UndoOutcome;
import dev.signet.core.serviceuse.ServiceUse;
import dev.signet.core.serviceuse.jdbc.JdbcServiceUseRepository;
import dev.signet.core.testing.PostgresTestServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Account merges, their undo, and operators' links and unlinks, on a real PostgreSQL. */
class JdbcAccountMergesTest {

    private static final Initiator OPERATOR = Initiator.of(Actor.operator("ops-jane"),
            AuditOrigin.of("203.0.113.9", "test"), "TICKET-1 same person");

    private DataSource dataSource;
    private JdbcAccountRepository accounts;
    private JdbcLinkedIdentityRepository links;
    private JdbcSecurityEventOutbox outbox;
    private JdbcIssuedSubjects subjects;
    private JdbcRelyingPartyRepository relyingParties;
    private JdbcSessionEndingOutbox sessionEndings;
    private JdbcServiceUseRepository services;
    private JdbcAuditLog auditLog;
    private JdbcAccountMerges merges;
    private IdentityLinks identityLinks;

    @BeforeEach
    void freshDatabase() {
        dataSource = PostgresTestServer.newMigratedDatabase();
        Clock clock = Clock.systemUTC();
        accounts = new JdbcAccountRepository(dataSource, clock);
        links = new JdbcLinkedIdentityRepository(dataSource);
        outbox = new JdbcSecurityEventOutbox(dataSource, clock);
        subjects = new JdbcIssuedSubjects(dataSource, clock);
        relyingParties = new JdbcRelyingPartyRepository(dataSource, clock);
        sessionEndings = new JdbcSessionEndingOutbox(dataSource, clock);
        services = new JdbcServiceUseRepository(dataSource);
        auditLog = new JdbcAuditLog(dataSource);
        RelyingPartyEvents events = new RelyingPartyEvents(subjects, relyingParties, outbox);
        merges = new JdbcAccountMerges(dataSource, events, sessionEndings, auditLog, clock);
        identityLinks = new JdbcIdentityLinks(dataSource, events, auditLog, clock);
    }

    @AfterEach
    void closePool() throws Exception {
        ((AutoCloseable) dataSource).close();
    }

    @Test
    void mergeMovesEveryLinkedIdentityAndMarksTheSourceMergedIntoTheTarget() {
        UUID source = account(AccountStatus.ACTIVE);
        UUID target = account(AccountStatus.ACTIVE);
        link(source, "vehicle-tax", "VT-1", Optional.of("fingerprint-1"));
        link(source, "vehicle-tax", "VT-2", Optional.empty());
        link(target, "student-loans", "SL-1", Optional.empty());

        MergeOutcome outcome = merges.merge(MergeRequest.of(source, target, OPERATOR));

        AccountMerge merge = ((MergeOutcome.Merged) outcome).merge();
        assertThat(merge.sourceAccountId()).isEqualTo(source);
        assertThat(merge.targetAccountId()).isEqualTo(target);
        assertThat(merge.identitiesMoved()).extracting(moved -> moved.legacySubject()).containsExactly("VT-1", "VT-2");
        assertThat(links.findByAccount(source)).isEmpty();
        assertThat(links.findByAccount(target)).extracting(LinkedIdentity::legacySubject)
                .containsExactlyInAnyOrder("VT-1", "VT-2", "SL-1");
        assertThat(links.find("vehicle-tax", "VT-1").orElseThrow().passwordFingerprint())
                .as("the target's password was not made from the legacy one").isEmpty();
        assertThat(accounts.findById(source).orElseThrow().status()).isEqualTo(AccountStatus.MERGED);
        assertThat(mergedInto(source)).contains(target);
        assertThat(merges.activeMergeOf(source)).contains(merge);
        assertThat(merges.activeMergesInto(target)).containsExactly(merge);
        assertThat(accounts.findById(source).orElseThrow().email()).as("the email stays with the source")
                .startsWith(source.toString());
    }

    @Test
    void mergeEndsTheSourcesSessionsTellsRelyingPartiesThatKnewItAndAuditsBothAccounts() {
        UUID source = account(AccountStatus.ACTIVE);
        UUID target = account(AccountStatus.ACTIVE);
        relyingParty("knew-source", true);
        relyingParty("knew-source-no-endpoint", false);
        relyingParty("knew-target", true);
        subjects.record(source, List.of("knew-source", "knew-source-no-endpoint"));
        subjects.record(target, List.of("knew-target"));

        MergeOutcome.Merged merged = (MergeOutcome.Merged) merges.merge(MergeRequest.of(source, target, OPERATOR));

        assertThat(merged.relyingPartiesTold()).containsExactly("knew-source");
        List<SecurityEventDelivery> deliveries = outbox.claimDue(10, Duration.ofMinutes(1));
        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.clientId()).isEqualTo("knew-source");
            assertThat(delivery.event()).isEqualTo(new AccountEvent.AccountsMerged(source, target));
        });
        assertThat(subjects.clientsThatKnow(target)).contains("knew-source", "knew-target");
        List<SessionEnding> endings = sessionEndings.claimDue(10, Duration.ofMinutes(1));
        assertThat(endings).singleElement().satisfies(ending -> {
            assertThat(ending.accountId()).isEqualTo(source);
            assertThat(ending.reason()).isEqualTo(SessionEndingReason.MERGE);
        });
        assertThat(auditOf(source)).singleElement().satisfies(entry -> {
            assertThat(entry.event().type()).isEqualTo(AuditEventType.ACCOUNTS_MERGED);
            assertThat(entry.event().details()).containsEntry("role", "source").containsEntry("target",
                    target.toString()).containsEntry("reason", "TICKET-1 same person")
                    .containsEntry("services_told", "1");
            assertThat(entry.event().actor()).isEqualTo(Actor.operator("ops-jane"));
        });
        assertThat(auditOf(target)).singleElement().satisfies(entry ->
                assertThat(entry.event().details()).containsEntry("role", "target"));
    }

    @Test
    void undoMovesTheIdentitiesBackAndGivesTheSourceItsPreviousStatus() {
        UUID source = account(AccountStatus.SUSPENDED);
        UUID target = account(AccountStatus.ACTIVE);
        link(source, "vehicle-tax", "VT-1", Optional.of("fingerprint-1"));
        link(source, "vehicle-tax", "VT-2", Optional.empty());
        link(target, "student-loans", "SL-1", Optional.empty());
        relyingParty("knew-target", true);
        subjects.record(target, List.of("knew-target"));
        merges.merge(MergeRequest.of(source, target, OPERATOR));
        outbox.claimDue(10, Duration.ofMinutes(1)).forEach(delivery -> outbox.markDelivered(delivery.id()));
        // Unlinked from the target after the merge: an undo cannot give it back, and says so.
        identityLinks.unlink(target, "vehicle-tax", "VT-2", Optional.empty(), OPERATOR);
        outbox.claimDue(10, Duration.ofMinutes(1)).forEach(delivery -> outbox.markDelivered(delivery.id()));

        UndoOutcome outcome = merges.undo(source, Optional.empty(), Initiator.of(Actor.operator("ops-ann"),
                AuditOrigin.NONE, "TICKET-2 not the same person"));

        UndoOutcome.Undone undone = (UndoOutcome.Undone) outcome;
        assertThat(undone.restored()).extracting(LinkedIdentity::legacySubject).containsExactly("VT-1");
        assertThat(undone.notRestored()).extracting(moved -> moved.legacySubject()).containsExactly("VT-2");
        assertThat(undone.merge().undone()).isTrue();
        assertThat(links.findByAccount(source)).singleElement().satisfies(link -> {
            assertThat(link.legacySubject()).isEqualTo("VT-1");
            assertThat(link.passwordFingerprint()).contains("fingerprint-1");
        });
        assertThat(links.findByAccount(target)).extracting(LinkedIdentity::legacySubject).containsExactly("SL-1");
        assertThat(accounts.findById(source).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(mergedInto(source)).isEmpty();
        assertThat(merges.activeMergeOf(source)).isEmpty();
        assertThat(undone.relyingPartiesTold()).containsExactly("knew-target");
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).singleElement().satisfies(delivery ->
                assertThat(delivery.event()).isEqualTo(new AccountEvent.LegacyIdentityUnlinked(target,
                        "vehicle-tax", "VT-1")));
        assertThat(auditOf(source)).extracting(entry -> entry.event().type().value())
                .containsExactly("account.merge_undone", "account.merged");
        assertThat(merges.undo(source, Optional.empty(), OPERATOR)).isInstanceOf(UndoOutcome.NotMerged.class);
    }

    @Test
    void servicesTheSourceUsedJoinTheTargetsListAndAnUndoRemovesThoseNotUsedSince() {
        UUID source = account(AccountStatus.ACTIVE);
        UUID target = account(AccountStatus.ACTIVE);
        relyingParty("only-source", false);
        relyingParty("both", false);
        relyingParty("used-after", false);
        Instant earlier = Instant.parse("2026-01-01T10:00:00Z");
        services.recordSignIn(source, "only-source", earlier);
        services.recordSignIn(source, "both", earlier);
        services.recordSignIn(source, "used-after", earlier);
        services.recordSignIn(target, "both", earlier.plusSeconds(60));

        MergeOutcome.Merged merged = (MergeOutcome.Merged) merges.merge(MergeRequest.of(source, target, OPERATOR));

        assertThat(merged.merge().servicesAdded()).containsExactly("only-source", "used-after");
        assertThat(services.findByAccount(target)).extracting(ServiceUse::clientId)
                .containsExactlyInAnyOrder("only-source", "both", "used-after");
        services.recordSignIn(target, "used-after", Instant.now().plusSeconds(5));

        merges.undo(source, Optional.empty(), OPERATOR);

        assertThat(services.findByAccount(target)).extracting(ServiceUse::clientId)
                .containsExactlyInAnyOrder("both", "used-after");
        assertThat(services.findByAccount(source)).hasSize(3);
    }

    @Test
    void previewSaysWhatWouldMoveAndWhoWouldBeToldAndChangesNothing() {
        UUID source = account(AccountStatus.ACTIVE);
        UUID target = account(AccountStatus.ACTIVE);
        link(source, "vehicle-tax", "VT-1", Optional.empty());
        relyingParty("knew-source", true);
        subjects.record(source, List.of("knew-source"));
        Account before = accounts.findById(source).orElseThrow();

        MergePreview preview = merges.preview(source, target);

        assertThat(preview.possible()).isTrue();
        assertThat(preview.identitiesToMove()).extracting(LinkedIdentity::legacySubject).containsExactly("VT-1");
        assertThat(preview.relyingPartiesToTell()).containsExactly("knew-source");
        assertThat(accounts.findById(source)).contains(before);
        assertThat(links.findByAccount(source)).hasSize(1);
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void mergesThatCannotBeUndoneCleanlyOrDoNotMakeSenseAreRefusedAndChangeNothing() {
        UUID first = account(AccountStatus.ACTIVE);
        UUID second = account(AccountStatus.ACTIVE);
        UUID third = account(AccountStatus.ACTIVE);
        UUID unknown = UUID.randomUUID();
        link(third, "vehicle-tax", "VT-3", Optional.empty());

        assertThat(refusal(first, first)).isEqualTo(MergeConflict.SAME_ACCOUNT);
        assertThat(refusal(unknown, first)).isEqualTo(MergeConflict.SOURCE_NOT_FOUND);
        assertThat(refusal(first, unknown)).isEqualTo(MergeConflict.TARGET_NOT_FOUND);
        merges.merge(MergeRequest.of(first, second, OPERATOR));
        assertThat(refusal(first, third)).isEqualTo(MergeConflict.SOURCE_ALREADY_MERGED);
        assertThat(refusal(third, first)).isEqualTo(MergeConflict.TARGET_MERGED);
        assertThat(refusal(second, third)).isEqualTo(MergeConflict.SOURCE_HOLDS_MERGES);
        assertThat(merges.preview(second, third).conflicts()).containsExactly(MergeConflict.SOURCE_HOLDS_MERGES);
        Instant stale = accounts.findById(third).orElseThrow().updatedAt().minusSeconds(1);
        assertThat(((MergeOutcome.Refused) merges.merge(new MergeRequest(third, second, Optional.of(stale),
                Optional.empty(), OPERATOR))).conflict()).isEqualTo(MergeConflict.SOURCE_CHANGED);
        assertThat(((MergeOutcome.Refused) merges.merge(new MergeRequest(third, second, Optional.empty(),
                Optional.of(stale), OPERATOR))).conflict()).isEqualTo(MergeConflict.TARGET_CHANGED);
        assertThat(links.findByAccount(third)).hasSize(1);
        assertThat(accounts.findById(third).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void aMergeInsideACallersTransactionIsRolledBackWithIt() {
        UUID source = account(AccountStatus.ACTIVE);
        UUID target = account(AccountStatus.ACTIVE);
        link(source, "vehicle-tax", "VT-1", Optional.empty());
        TransactionTemplate outer = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        outer.executeWithoutResult(status -> {
            merges.merge(MergeRequest.of(source, target, OPERATOR));
            status.setRollbackOnly();
        });

        assertThat(links.findByAccount(source)).hasSize(1);
        assertThat(accounts.findById(source).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(auditOf(source)).isEmpty();
    }

    @Test
    void mergesOfTwoAccountsInOppositeDirectionsAtOnceNeitherDeadlockNorBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                UUID a = account(AccountStatus.ACTIVE);
                UUID b = account(AccountStatus.ACTIVE);
                link(a, "vehicle-tax", "A-" + round, Optional.empty());
                link(b, "vehicle-tax", "B-" + round, Optional.empty());
                List<Callable<MergeOutcome>> both = List.of(() -> merges.merge(MergeRequest.of(a, b, OPERATOR)),
                        () -> merges.merge(MergeRequest.of(b, a, OPERATOR)));
                List<MergeOutcome> outcomes = new ArrayList<>();
                for (Future<MergeOutcome> future : pool.invokeAll(both)) {
                    outcomes.add(future.get());
                }
                assertThat(outcomes).filteredOn(MergeOutcome.Merged.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(MergeOutcome.Refused.class::isInstance).singleElement()
                        .satisfies(refused -> assertThat(((MergeOutcome.Refused) refused).conflict())
                                .isIn(MergeConflict.SOURCE_ALREADY_MERGED, MergeConflict.TARGET_MERGED));
                assertThat(links.findByAccount(a).size() + links.findByAccount(b).size()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOperatorLinksAnIdentityOnlyWhenItIsLinkedNowhereElse() {
        UUID account = account(AccountStatus.ACTIVE);
        UUID other = account(AccountStatus.ACTIVE);
        link(other, "vehicle-tax", "VT-9", Optional.empty());
        Instant version = accounts.findById(account).orElseThrow().updatedAt();

        LinkOutcome linked = identityLinks.link(account, "student-loans", "SL-7", Optional.of(version), OPERATOR);

        assertThat(linked).isInstanceOf(LinkOutcome.Linked.class);
        assertThat(links.find("student-loans", "SL-7").orElseThrow().linkedBy())
                .isEqualTo(LinkMethod.OPERATOR.value());
        assertThat(accounts.findById(account).orElseThrow().updatedAt()).isAfter(version);
        assertThat(identityLinks.link(account, "vehicle-tax", "VT-9", Optional.empty(), OPERATOR))
                .isEqualTo(new LinkOutcome.AlreadyLinked(other));
        assertThat(identityLinks.link(account, "x", "y", Optional.of(version), OPERATOR))
                .isInstanceOf(LinkOutcome.Changed.class);
        assertThat(identityLinks.link(UUID.randomUUID(), "x", "y", Optional.empty(), OPERATOR))
                .isInstanceOf(LinkOutcome.AccountNotFound.class);
        assertThat(auditOf(account)).singleElement().satisfies(entry -> {
            assertThat(entry.event().type()).isEqualTo(AuditEventType.LEGACY_IDENTITY_LINKED);
            assertThat(entry.event().details()).containsEntry("method", "operator").containsEntry("connector",
                    "student-loans");
        });
        merges.merge(MergeRequest.of(account, other, OPERATOR));
        assertThat(identityLinks.link(account, "x", "y", Optional.empty(), OPERATOR))
                .isInstanceOf(LinkOutcome.AccountMerged.class);
    }

    @Test
    void unlinkRemovesTheLinkTellsRelyingPartiesAndIsAudited() {
        UUID account = account(AccountStatus.ACTIVE);
        UUID other = account(AccountStatus.ACTIVE);
        link(account, "vehicle-tax", "VT-1", Optional.empty());
        relyingParty("knew-it", true);
        subjects.record(account, List.of("knew-it"));

        assertThat(identityLinks.unlink(other, "vehicle-tax", "VT-1", Optional.empty(), OPERATOR))
                .isInstanceOf(UnlinkOutcome.NotLinked.class);
        UnlinkOutcome outcome = identityLinks.unlink(account, "vehicle-tax", "VT-1", Optional.empty(), OPERATOR);

        assertThat(((UnlinkOutcome.Unlinked) outcome).relyingPartiesTold()).containsExactly("knew-it");
        assertThat(links.find("vehicle-tax", "VT-1")).isEmpty();
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).singleElement().satisfies(delivery ->
                assertThat(delivery.event()).isEqualTo(new AccountEvent.LegacyIdentityUnlinked(account,
                        "vehicle-tax", "VT-1")));
        assertThat(auditOf(account)).singleElement().satisfies(entry -> {
            assertThat(entry.event().type()).isEqualTo(AuditEventType.LEGACY_IDENTITY_UNLINKED);
            assertThat(entry.event().details()).containsEntry("services_told", "1");
        });
    }

    private MergeConflict refusal(UUID source, UUID target) {
        return ((MergeOutcome.Refused) merges.merge(MergeRequest.of(source, target, OPERATOR))).conflict();
    }

    private UUID account(AccountStatus status) {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        accounts.create(new Account(id, id + "@example.gov.uk", true, Optional.empty(), status, now, now));
        return id;
    }

    private void link(UUID account, String connector, String subject, Optional<String> fingerprint) {
        links.link(new LinkedIdentity(account, connector, subject, Instant.now(), "new_account", fingerprint));
    }

    private Optional<UUID> mergedInto(UUID account) {
        return JdbcClient.create(dataSource).sql("SELECT merged_into FROM account WHERE id = ?").param(account)
                .query(UUID.class).optional();
    }

    private List<AuditEntry> auditOf(UUID account) {
        return auditLog.find(AuditFilter.ALL.withAccount(account), Optional.empty(), 100).entries();
    }

    private void relyingParty(String clientId, boolean eventsEndpoint) {
        relyingParties.save(new RelyingParty(clientId, "Service " + clientId,
                List.of(URI.create("https://" + clientId + ".example/callback")), List.of(), Optional.empty(),
                TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                clientId + ".example", SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"),
                Set.of(), List.of("Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.FILE)
                .withSecurityEvents(eventsEndpoint ? Optional.of(URI.create("https://" + clientId + ".example/events"))
                        : Optional.empty(), Optional.empty()));
    }
}
