package dev.signet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSessionEvent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import dev.signet.client.IdToken;

class SignetSessionRegistryTest {

    final SignetSessionRegistry registry = new SignetSessionRegistry();

    @Test
    void aLogoutTokenWithASidEndsOnlyThatSignetSessionsLocalSessions() {
        MockHttpSession first = signedIn("citizen-1", "sid-a");
        MockHttpSession second = signedIn("citizen-1", "sid-a");
        MockHttpSession otherSignIn = signedIn("citizen-1", "sid-b");

        assertThat(registry.endSessions(Optional.of("sid-a"), Optional.of("citizen-1"))).isEqualTo(2);

        assertThat(first.isInvalid()).isTrue();
        assertThat(second.isInvalid()).isTrue();
        assertThat(otherSignIn.isInvalid()).isFalse();
    }

    @Test
    void aLogoutTokenWithOnlyASubjectEndsEverySessionOfThatCitizen() {
        MockHttpSession first = signedIn("citizen-1", "sid-a");
        MockHttpSession second = signedIn("citizen-1", "sid-b");
        MockHttpSession someoneElse = signedIn("citizen-2", "sid-c");

        assertThat(registry.endSessions(Optional.empty(), Optional.of("citizen-1"))).isEqualTo(2);

        assertThat(first.isInvalid()).isTrue();
        assertThat(second.isInvalid()).isTrue();
        assertThat(someoneElse.isInvalid()).isFalse();
    }

    @Test
    void aSessionThatEndedOnItsOwnLeavesTheIndex() {
        MockHttpSession session = signedIn("citizen-1", "sid-a");
        registry.sessionDestroyed(new HttpSessionEvent(session));

        assertThat(registry.endSessions(Optional.of("sid-a"), Optional.of("citizen-1"))).isZero();
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void anAlreadyInvalidatedSessionIsNotCounted() {
        MockHttpSession session = signedIn("citizen-1", "sid-a");
        session.invalidate(); // without the listener hearing of it

        assertThat(registry.endSessions(Optional.of("sid-a"), Optional.empty())).isZero();
    }

    private MockHttpSession signedIn(String subject, String sid) {
        MockHttpSession session = new MockHttpSession();
        Instant now = Instant.now();
        IdToken token = new IdToken("header.payload.signature", "http://localhost", subject, List.of("fishing"), now,
                now.plusSeconds(300), Optional.of(now), Optional.of("Cl.Cm"), Optional.of(sid),
                Map.of("sub", subject, "sid", sid));
        registry.signedIn(session, new SignetUser(token, Optional.empty()));
        return session;
    }
}
