package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.client.inmemory.InMemoryRelyingPartyRepository;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class RequestScopedRelyingPartiesTest {

    private final CountingRepository registry = new CountingRepository();
    private final RequestScopedRelyingParties relyingParties = new RequestScopedRelyingParties(registry);

    @AfterEach
    void unbindRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRequestReadsEachClientOnce() {
        relyingParties.save(relyingParty("rp-once", "First name"));
        newRequest();

        assertThat(relyingParties.findByClientId("rp-once")).map(RelyingParty::name).contains("First name");
        assertThat(relyingParties.findByClientId("rp-once")).isPresent();
        assertThat(relyingParties.findByClientId("unknown")).isEmpty();
        assertThat(relyingParties.findByClientId("unknown")).isEmpty();
        assertThat(registry.reads).hasValue(2);
    }

    @Test
    void aChangeIsSeenByTheNextRequestAndByTheRequestThatMadeIt() {
        relyingParties.save(relyingParty("rp-change", "Old name"));
        newRequest();
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Old name");

        registry.save(relyingParty("rp-change", "Changed elsewhere"));
        newRequest();
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Changed elsewhere");

        relyingParties.save(relyingParty("rp-change", "Changed here"));
        assertThat(relyingParties.findByClientId("rp-change")).map(RelyingParty::name).contains("Changed here");
    }

    @Test
    void outsideARequestEveryLookUpReadsTheRegistry() {
        relyingParties.save(relyingParty("rp-outside", "Name"));
        relyingParties.findByClientId("rp-outside");
        relyingParties.findByClientId("rp-outside");
        assertThat(registry.reads).hasValue(2);
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

    /** The in-memory registry, counting look-ups by client id. */
    private static final class CountingRepository implements RelyingPartyRepository {

        private final InMemoryRelyingPartyRepository registry = new InMemoryRelyingPartyRepository();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<RelyingParty> findByClientId(String clientId) {
            reads.incrementAndGet();
            return registry.findByClientId(clientId);
        }

        @Override
        public List<RelyingParty> findAll() {
            return registry.findAll();
        }

        @Override
        public void save(RelyingParty relyingParty) {
            registry.save(relyingParty);
        }

        @Override
        public List<String> replaceFileDeclared(List<RelyingParty> declared) {
            return registry.replaceFileDeclared(declared);
        }
    }
}
