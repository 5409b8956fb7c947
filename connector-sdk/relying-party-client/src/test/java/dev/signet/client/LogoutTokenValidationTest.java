package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.6): every refusal, and replays. */
class LogoutTokenValidationTest {

    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private ClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ClientFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = fixture.now();
        return new JWTClaimsSet.Builder()
                .issuer(fixture.provider.issuer)
                .audience(ClientFixture.CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .subject("citizen-1")
                .claim("sid", "session-1")
                .claim("events", Map.of(EVENT, Map.of()));
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return fixture.provider.sign(change.apply(claims()).build(), "logout+jwt");
    }

    @Test
    void aValidLogoutTokenNamesTheSubjectAndSession() {
        LogoutToken logout = fixture.client.validateLogoutToken(token(c -> c));

        assertThat(logout.subject()).contains("citizen-1");
        assertThat(logout.sessionId()).contains("session-1");
        assertThat(logout.issuer()).isEqualTo(fixture.provider.issuer);
    }

    @Test
    void aLogoutTokenWithOnlyASidIsAccepted() {
        assertThat(fixture.client.validateLogoutToken(token(c -> c.subject(null))).subject()).isEmpty();
    }

    @Test
    void theSameLogoutTokenTwiceIsAReplay() {
        String token = token(c -> c);
        fixture.client.validateLogoutToken(token);

        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token))
                .isInstanceOf(TokenReplayedException.class).hasMessageContaining("jti");
    }

    @Test
    void aRefusedLogoutTokenDoesNotUseUpItsJti() {
        String jti = UUID.randomUUID().toString();
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.jwtID(jti).claim("nonce", "n"))))
                .isInstanceOf(UnexpectedClaimException.class);

        assertThat(fixture.client.validateLogoutToken(token(c -> c.jwtID(jti))).id()).isEqualTo(jti);
    }

    @Test
    void anIdTokenPresentedAsALogoutTokenIsRefusedByItsType() {
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(fixture.provider.sign(claims().build(), null)))
                .isInstanceOf(WrongTokenTypeException.class).hasMessageContaining("logout+jwt");
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(fixture.provider.sign(claims().build(), "JWT")))
                .isInstanceOf(WrongTokenTypeException.class);
    }

    @Test
    void aLogoutTokenWithANonceIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.claim("nonce", "n"))))
                .isInstanceOf(UnexpectedClaimException.class).hasMessageContaining("nonce");
    }

    @Test
    void aLogoutTokenWithoutEventsOrWithoutTheLogoutEventIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.claim("events", null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("events");
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.claim("events",
                Map.of("https://example.com/other-event", Map.of())))))
                .isInstanceOf(InvalidClaimException.class).hasMessageContaining(EVENT);
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.claim("events",
                Map.of(EVENT, "yes"))))).isInstanceOf(InvalidClaimException.class).hasMessageContaining("JSON object");
    }

    @Test
    void aLogoutTokenWithNeitherSubNorSidIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.subject(null).claim("sid", null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("neither sub nor sid");
    }

    @Test
    void aLogoutTokenWithoutJtiOrExpIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.jwtID(null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("jti");
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.expirationTime(null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("exp");
    }

    @Test
    void aLogoutTokenForAnotherClientOrFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.audience("other-service"))))
                .isInstanceOf(AudienceMismatchException.class);
        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token(c -> c.issuer("https://evil.example"))))
                .isInstanceOf(IssuerMismatchException.class);
    }

    @Test
    void anExpiredLogoutTokenIsRefused() {
        String token = token(c -> c);
        fixture.clock.advance(Duration.ofSeconds(120 + 61));

        assertThatThrownBy(() -> fixture.client.validateLogoutToken(token)).isInstanceOf(TokenExpiredException.class);
    }

    @Test
    void aSharedReplayCacheSeesReplaysAcrossClientInstances() {
        ReplayCache shared = ReplayCache.inMemory();
        SignetClient first = fixture.builder().replayCache(shared).build();
        SignetClient second = fixture.builder().replayCache(shared).build();
        String token = token(c -> c);
        first.validateLogoutToken(token);

        assertThatThrownBy(() -> second.validateLogoutToken(token)).isInstanceOf(TokenReplayedException.class);
    }
}
