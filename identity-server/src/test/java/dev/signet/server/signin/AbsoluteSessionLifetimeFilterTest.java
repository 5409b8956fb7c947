package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

class AbsoluteSessionLifetimeFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final AbsoluteSessionLifetimeFilter filter =
            new AbsoluteSessionLifetimeFilter(Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC),
                    request -> false);

    @Test
    void aSignInOlderThanTheAbsoluteLifetimeEndsTheSession() throws Exception {
        MockHttpSession session = sessionSignedInAt(NOW.minus(Duration.ofHours(12)));

        filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aYoungerSignInKeepsTheSession() throws Exception {
        MockHttpSession session = sessionSignedInAt(NOW.minus(Duration.ofHours(11)));

        filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionWithoutASignInIsLeftAlone() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("journey", "in progress");

        filter.doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isFalse();
    }

    private static MockHttpSession sessionSignedInAt(Instant authTime) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new CitizenAuthentication(UUID.randomUUID(), authTime, CredentialTrustLevel.LOW)));
        return session;
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        return request;
    }
}
