package dev.signet.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.testing.RedisServerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The session registry reads only a session's id, last access and "expired" mark from Redis, and answers what
 * Spring Session's own {@link SpringSessionBackedSessionRegistry} (which loads whole sessions) answers.
 */
class RedisSessionRegistryIT extends RedisServerIntegrationTest {

    @Autowired
    SessionRegistry registry;

    @Autowired
    RedisIndexedSessionRepository sessions;

    @Test
    void theAuthorizationServerGetsTheRedisRegistry() {
        assertThat(registry).isInstanceOf(RedisSessionRegistry.class);
    }

    @Test
    void listsTheCitizensLiveSessionsAsSpringSessionsRegistryDoes() {
        UUID citizen = UUID.randomUUID();
        String older = signedInSession(citizen, Instant.now().minusSeconds(120));
        String newer = signedInSession(citizen, Instant.now());
        signedInSession(UUID.randomUUID(), Instant.now()); // someone else's

        List<SessionInformation> found = registry.getAllSessions(citizen.toString(), false);

        assertThat(found).extracting(SessionInformation::getSessionId).containsExactlyInAnyOrder(older, newer);
        assertThat(found).allSatisfy(information -> assertThat(information.getPrincipal())
                .isEqualTo(citizen.toString()));
        assertThat(found.stream().max(Comparator.comparing(SessionInformation::getLastRequest)).orElseThrow()
                .getSessionId()).isEqualTo(newer);
        assertSameAsSpringSessions(citizen, false);
    }

    @Test
    void leavesOutEndedAndIdledOutSessions() {
        UUID citizen = UUID.randomUUID();
        String live = signedInSession(citizen, Instant.now());
        String ended = signedInSession(citizen, Instant.now());
        String idle = signedInSession(citizen, Instant.now().minus(Duration.ofHours(2)));
        sessions.deleteById(ended);

        assertThat(registry.getAllSessions(citizen.toString(), true)).extracting(SessionInformation::getSessionId)
                .containsExactly(live);
        assertThat(registry.getSessionInformation(idle)).isNull();
        assertThat(registry.getSessionInformation(ended)).isNull();
        assertThat(registry.getSessionInformation(live)).isNotNull()
                .extracting(SessionInformation::getSessionId).isEqualTo(live);
        assertSameAsSpringSessions(citizen, true);
    }

    @Test
    void aSessionExpiredThroughTheRegistryIsMarkedInRedisAndOnlyListedWhenAskedFor() {
        UUID citizen = UUID.randomUUID();
        String kept = signedInSession(citizen, Instant.now());
        String expired = signedInSession(citizen, Instant.now());

        registry.getAllSessions(citizen.toString(), false).stream()
                .filter(information -> information.getSessionId().equals(expired))
                .forEach(SessionInformation::expireNow);

        assertThat(registry.getAllSessions(citizen.toString(), false)).extracting(SessionInformation::getSessionId)
                .containsExactly(kept);
        assertThat(registry.getAllSessions(citizen.toString(), true))
                .filteredOn(SessionInformation::isExpired).extracting(SessionInformation::getSessionId)
                .containsExactly(expired);
        assertThat(registry.getSessionInformation(expired).isExpired()).isTrue();
        assertSameAsSpringSessions(citizen, false);
        assertSameAsSpringSessions(citizen, true);
    }

    @Test
    void aPrincipalWithNoSessionsHasNone() {
        assertThat(registry.getAllSessions(UUID.randomUUID().toString(), true)).isEmpty();
    }

    private String signedInSession(UUID accountId, Instant lastAccessed) {
        RedisIndexedSessionRepository.RedisSession session = sessions.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new CitizenAuthentication(accountId, lastAccessed, CredentialTrustLevel.LOW)));
        session.setLastAccessedTime(lastAccessed);
        sessions.save(session);
        return session.getId();
    }

    private void assertSameAsSpringSessions(UUID citizen, boolean includeExpired) {
        List<SessionInformation> reference = new SpringSessionBackedSessionRegistry<>(sessions)
                .getAllSessions(citizen.toString(), includeExpired);
        List<SessionInformation> ours = registry.getAllSessions(citizen.toString(), includeExpired);
        assertThat(ours).extracting(SessionInformation::getSessionId, SessionInformation::getLastRequest,
                        SessionInformation::isExpired, SessionInformation::getPrincipal)
                .containsExactlyInAnyOrderElementsOf(reference.stream()
                        .map(information -> org.assertj.core.groups.Tuple.tuple(information.getSessionId(),
                                information.getLastRequest(), information.isExpired(), information.getPrincipal()))
                        .toList());
    }
}
