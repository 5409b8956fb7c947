package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security Event Tokens (RFC 8417) for account merges and unlinks: the events read, and every refusal. */
class SecurityEventTokenValidationTest {

    private ClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ClientFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JWTClaimsSet.Builder claims(Map<String, Object> events) {
        return new JWTClaimsSet.Builder()
                .issuer(fixture.provider.issuer)
                .audience(ClientFixture.CLIENT_ID)
                .issueTime(Date.from(fixture.now()))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", events);
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return fixture.provider.sign(change.apply(claims(Map.of(SecurityEvent.ACCOUNT_MERGED,
                Map.of("previous_sub", "old-sub", "sub", "new-sub")))).build(), "secevent+jwt");
    }

    @Test
    void anAccountMergeIsReadWithTheOldAndNewSubject() {
        SecurityEventToken set = fixture.client.validateSecurityEventToken(token(c -> c));

        assertThat(set.events()).containsExactly(new SecurityEvent.AccountMerged("old-sub", "new-sub"));
        assertThat(set.issuer()).isEqualTo(fixture.provider.issuer);
    }

    @Test
    void anUnlinkAndAnUnknownEventAreReadToo() {
        Map<String, Object> events = new LinkedHashMap<>();
        events.put(SecurityEvent.LEGACY_IDENTITY_UNLINKED, Map.of("sub", "citizen-1", "legacy_subject", "A123",
                "connector", "dvla-legacy"));
        events.put("https://schemas.openid.net/secevent/risc/event-type/account-disabled", Map.of("reason", "x"));
        SecurityEventToken set = fixture.client.validateSecurityEventToken(
                fixture.provider.sign(claims(events).build(), "secevent+jwt"));

        assertThat(set.events()).hasSize(2);
        assertThat(set.events().get(0)).isEqualTo(new SecurityEvent.LegacyIdentityUnlinked("citizen-1",
                java.util.Optional.of("A123"), java.util.Optional.of("dvla-legacy")));
        assertThat(set.events().get(1)).isInstanceOfSatisfying(SecurityEvent.Other.class,
                other -> assertThat(other.payload()).containsEntry("reason", "x"));
    }

    @Test
    void aSetWithoutTheSecEventTypeIsRefused() {
        String idTokenTyped = fixture.provider.sign(claims(Map.of(SecurityEvent.ACCOUNT_MERGED,
                Map.of("previous_sub", "a", "sub", "b"))).build(), null);

        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(idTokenTyped))
                .isInstanceOf(WrongTokenTypeException.class).hasMessageContaining("secevent+jwt");
    }

    @Test
    void aSetWithANonceIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.claim("nonce", "n"))))
                .isInstanceOf(UnexpectedClaimException.class).hasMessageContaining("RFC 8417");
    }

    @Test
    void aSetWithoutEventsOrWithAnEmptyOrMalformedEventIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.claim("events", null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("events");
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.claim("events", Map.of()))))
                .isInstanceOf(InvalidClaimException.class).hasMessageContaining("no event");
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.claim("events",
                Map.of(SecurityEvent.ACCOUNT_MERGED, "merged"))))).isInstanceOf(InvalidClaimException.class);
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.claim("events",
                Map.of(SecurityEvent.ACCOUNT_MERGED, Map.of("sub", "new-sub"))))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("previous_sub");
    }

    @Test
    void theSameSetTwiceIsAReplay() {
        String token = token(c -> c);
        fixture.client.validateSecurityEventToken(token);

        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token))
                .isInstanceOf(TokenReplayedException.class);
    }

    @Test
    void aSetWithoutJtiOrIatIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.jwtID(null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("jti");
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.issueTime(null))))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("iat");
    }

    @Test
    void anOldSetWithoutExpiryIsRefusedAndAnExpiredOneToo() {
        Instant now = fixture.now();
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.issueTime(Date.from(
                now.minus(Duration.ofDays(8)))))))
                .isInstanceOf(TokenExpiredException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.expirationTime(Date.from(
                now.minusSeconds(120)))))).isInstanceOf(TokenExpiredException.class);
    }

    @Test
    void aSetForAnotherClientOrFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.audience("someone-else"))))
                .isInstanceOf(AudienceMismatchException.class);
        assertThatThrownBy(() -> fixture.client.validateSecurityEventToken(token(c -> c.issuer("https://x.example"))))
                .isInstanceOf(IssuerMismatchException.class);
    }
}
