package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.client.inmemory.InMemoryRelyingPartyRepository;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** One read of a client's row per request, shared by the registered clients and the enabled relying parties. */
class RequestScopedManagedRelyingPartiesTest {

    private final CountingTable table = new CountingTable();
    private final RequestScopedManagedRelyingParties rows = new RequestScopedManagedRelyingParties(table);
    private final InMemoryRelyingPartyRepository registry = new InMemoryRelyingPartyRepository();
    private final EnabledRelyingParties relyingParties = new EnabledRelyingParties(registry, rows);

    @AfterEach
    void unbindRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRequestReadsEachClientOnceWhoeverAsks() {
        table.put(relyingParty("rp-once", "First name"), true);
        newRequest();

        assertThat(rows.find("rp-once")).isPresent();
        assertThat(relyingParties.findByClientId("rp-once")).map(RelyingParty::name).contains("First name");
        assertThat(rows.find("rp-once")).isPresent();
        assertThat(relyingParties.findByClientId("unknown")).isEmpty();
        assertThat(rows.find("unknown")).isEmpty();
        assertThat(table.reads).hasValue(2);
    }

    @Test
    void aDisabledRelyingPartyIsFoundAsARowButNotAsAnEnabledRelyingParty() {
        table.put(relyingParty("rp-disabled", "Name"), false);
        newRequest();

        assertThat(rows.find("rp-disabled")).map(ManagedRelyingParty::enabled).contains(false);
        assertThat(relyingParties.findByClientId("rp-disabled")).isEmpty();
    }

    @Test
    void aChangeIsSeenByTheNextRequestAndByTheRequestThatMadeIt() {
        table.put(relyingParty("rp-change", "Old name"), true);
        newRequest();
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Old name");

        table.put(relyingParty("rp-change", "Changed elsewhere"), true);
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Old name");
        newRequest();
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Changed elsewhere");

        rows.setEnabled("rp-change", false, Instant.EPOCH);
        assertThat(relyingParties.findByClientId("rp-change")).isEmpty();

        table.put(relyingParty("rp-change", "Saved here"), true);
        relyingParties.save(relyingParty("rp-change", "Saved here"));
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Saved here");
    }

    @Test
    void outsideARequestEveryLookUpReadsTheTable() {
        table.put(relyingParty("rp-outside", "Name"), true);
        relyingParties.findByClientId("rp-outside");
        rows.find("rp-outside");
        assertThat(table.reads).hasValue(2);
    }

    private static void newRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    private static RelyingParty relyingParty(String clientId, String name) {
        return new RelyingParty(clientId, name, List.of(URI.create("https://rp.test.example/callback")), List.of(),
                Optional.empty(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(),
                Optional.of("0".repeat(64)), "rp.test.example", SubjectType.PAIRWISE, Set.of("authorization_code"),
                Set.of("openid"), Set.of(), List.of("Cl.Cm"), IdTokenSigningAlgorithm.ES256, false,
                RelyingParty.Source.ADMIN);
    }

    /** The relying-party table in memory, counting look-ups by client id; only enabling is implemented as a write. */
    private static final class CountingTable implements ManagedRelyingPartyRepository {

        private final Map<String, ManagedRelyingParty> rows = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        void put(RelyingParty registration, boolean enabled) {
            rows.put(registration.clientId(), new ManagedRelyingParty(registration, Optional.empty(), enabled,
                    Optional.empty(), Optional.empty(), Instant.EPOCH));
        }

        @Override
        public Optional<ManagedRelyingParty> find(String clientId) {
            reads.incrementAndGet();
            return Optional.ofNullable(rows.get(clientId));
        }

        @Override
        public List<ManagedRelyingParty> page(Optional<String> afterClientId, int limit) {
            return List.copyOf(rows.values());
        }

        @Override
        public Optional<ManagedRelyingParty> create(RelyingParty registration, Optional<URI> sectorIdentifierUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ManagedRelyingParty> update(RelyingParty registration, Optional<URI> sectorIdentifierUri,
                Instant expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ManagedRelyingParty> setEnabled(String clientId, boolean enabled, Instant expectedVersion) {
            put(rows.get(clientId).registration(), enabled);
            return Optional.of(rows.get(clientId));
        }

        @Override
        public Optional<ManagedRelyingParty> rotateSecret(String clientId, String newSecretSha256,
                Optional<Instant> previousValidUntil, Instant expectedVersion) {
            throw new UnsupportedOperationException();
        }
    }
}
