package dev.signet.server.logout;

import static dev.signet.server.testing.ServiceWithBackChannel.basic;
import static dev.signet.server.testing.ServiceWithBackChannel.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.testing.ServiceWithBackChannel;
import dev.signet.server.testing.RedisServerIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refresh rotation, reuse, revocation, introspection, RP-initiated logout and back-channel delivery over HTTP, with a
 * relying party registered for this test and a live back-channel receiver. The citizen's signed-in session is put in
 * the Redis session store directly (what the sign-in journey leaves there), so these tests exercise everything after
 * sign-in.
 */
class TokenLifecycleIT extends RedisServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    AuthorizationStore authorizationStore;
    @Autowired
    RegisteredClientRepository registeredClients;

    private ServiceWithBackChannel service;

    @BeforeEach
    void relyingPartyWithAReceiver() throws Exception {
        service = ServiceWithBackChannel.register(relyingParties, baseUrl(), "sessions-e2e");
    }

    @AfterEach
    void stopReceiver() {
        service.close();
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() throws Exception {
        JsonNode tokens = service.signInToTheService(signedInSession());
        JsonNode rotated = service.refresh(tokens.get("refresh_token").asString()).json();
        assertThat(rotated.get("refresh_token").asString()).isNotEqualTo(tokens.get("refresh_token").asString());
        assertThat(service.introspect(rotated.get("access_token").asString()).get("active").asBoolean()).isTrue();

        ServiceWithBackChannel.Answer reuse = service.refresh(tokens.get("refresh_token").asString());

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(service.refresh(rotated.get("refresh_token").asString()).status()).isEqualTo(400);
        assertThat(service.introspect(rotated.get("access_token").asString()).get("active").asBoolean()).isFalse();
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokenToo() throws Exception {
        JsonNode tokens = service.signInToTheService(signedInSession());

        HttpResponse<String> revoked = service.post("/oauth2/revoke",
                Map.of("token", tokens.get("refresh_token").asString(),
                        "token_type_hint", "refresh_token"), true);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(service.introspect(tokens.get("refresh_token").asString()).get("active").asBoolean()).isFalse();
        JsonNode access = service.introspect(tokens.get("access_token").asString());
        assertThat(access.get("active").asBoolean()).isFalse();
        assertThat(access.properties()).hasSize(1);
        assertThat(service.refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(400);
    }

    @Test
    void revokingAnAccessTokenLeavesTheRefreshTokenUsable() throws Exception {
        JsonNode tokens = service.signInToTheService(signedInSession());

        assertThat(service.post("/oauth2/revoke", Map.of("token", tokens.get("access_token").asString(),
                "token_type_hint", "access_token"), true).statusCode()).isEqualTo(200);

        assertThat(service.introspect(tokens.get("access_token").asString()).get("active").asBoolean()).isFalse();
        assertThat(service.refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void anotherClientCannotRevokeThisClientsTokenButMayIntrospectIt() throws Exception {
        JsonNode tokens = service.signInToTheService(signedInSession());
        String otherClient = basic("test-secret", "test-secret-value"); // from test-relying-parties.yml

        HttpResponse<String> revoke = service.post("/oauth2/revoke",
                Map.of("token", tokens.get("refresh_token").asString()),
                otherClient);
        HttpResponse<String> introspect = service.post("/oauth2/introspect",
                Map.of("token", tokens.get("access_token").asString()), otherClient);

        assertThat(revoke.statusCode()).isNotEqualTo(200);
        assertThat(JSON.readTree(revoke.body()).get("error").asString()).isEqualTo("invalid_client");
        assertThat(service.introspect(tokens.get("refresh_token").asString()).get("active").asBoolean()).isTrue();
        JsonNode seenByOther = JSON.readTree(introspect.body());
        assertThat(seenByOther.get("active").asBoolean()).isTrue();
        assertThat(seenByOther.get("client_id").asString()).isEqualTo(service.clientId());
    }

    @Test
    void expiredTokenIsInactive() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        String expired = "expired-" + UUID.randomUUID();
        authorizationStore.save(OAuth2Authorization
                .withRegisteredClient(registeredClients.findByClientId(service.clientId()))
                .id(UUID.randomUUID().toString()).principalName(UUID.randomUUID().toString())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).authorizedScopes(Set.of("openid"))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, expired, issued,
                        issued.plus(Duration.ofMinutes(10)), Set.of("openid")))
                .build());

        JsonNode answer = service.introspect(expired);

        assertThat(answer.get("active").asBoolean()).isFalse();
        assertThat(answer.properties()).hasSize(1);
    }

    @Test
    void revokingAnUnknownTokenIsStillOk() throws Exception {
        assertThat(service.post("/oauth2/revoke", Map.of("token", "no-such-token-" + UUID.randomUUID()), true)
                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void introspectionNeedsAnAuthenticatedClient() throws Exception {
        JsonNode tokens = service.signInToTheService(signedInSession());

        HttpResponse<String> anonymous = service.post("/oauth2/introspect",
                Map.of("token", tokens.get("access_token").asString()), false);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode active = service.introspect(tokens.get("access_token").asString());
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("client_id").asString()).isEqualTo(service.clientId());
    }

    @Test
    void logoutFromTheServiceEndsTheSessionRedirectsWithStateAndTellsTheServiceOverTheBackChannel()
            throws Exception {
        service.receiver().failNext(1); // the receiver first answers 500: the worker must retry
        String session = signedInSession();
        JsonNode tokens = service.signInToTheService(session);
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());

        HttpResponse<String> logout = service.get("/connect/logout?id_token_hint=" + encode(idToken.serialize())
                + "&post_logout_redirect_uri=" + encode(service.postLogoutUri().toString()) + "&state=st-123",
                session);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).contains(service.postLogoutUri() + "?state=st-123");
        assertThat(sessions.findById(ServiceWithBackChannel.sessionId(session))).isNull();
        JWTClaimsSet logoutToken = service.receiver().awaitLogoutToken().getJWTClaimsSet();
        assertThat(logoutToken.getAudience()).containsExactly(service.clientId());
        assertThat(logoutToken.getSubject()).isEqualTo(idToken.getJWTClaimsSet().getSubject());
        assertThat(logoutToken.getStringClaim("sid")).isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"))
                .isNotBlank();
        assertThat(logoutToken.getJSONObjectClaim("events"))
                .containsKey("http://schemas.openid.net/event/backchannel-logout");
    }

    @Test
    void logoutWithAnUnregisteredPostLogoutUriAsksTheCitizenInsteadOfRedirecting() throws Exception {
        String session = signedInSession();
        JsonNode tokens = service.signInToTheService(session);

        HttpResponse<String> logout = service.get(
                "/connect/logout?id_token_hint=" + encode(tokens.get("id_token").asString())
                + "&post_logout_redirect_uri=" + encode("https://sessions-e2e.test.example/elsewhere"), session);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/sign-out").doesNotContain("elsewhere"));
        assertThat(sessions.findById(ServiceWithBackChannel.sessionId(session))).as("still signed in").isNotNull();
        HttpResponse<String> confirm = service.get("/sign-out", session);
        assertThat(confirm.body()).contains("Do you want to sign out?");
    }

    @Test
    void signingOutFromTheAccountTellsTheServiceOverTheBackChannel() throws Exception {
        String session = signedInSession();
        JsonNode tokens = service.signInToTheService(session);
        HttpResponse<String> confirm = service.get("/sign-out", session);
        String csrf = confirm.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> signedOut = service.submit("/sign-out", Map.of("_csrf", csrf), session);

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/signed-out"));
        assertThat(sessions.findById(ServiceWithBackChannel.sessionId(session))).isNull();
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        assertThat(service.receiver().awaitLogoutToken().getJWTClaimsSet().getStringClaim("sid"))
                .isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"));
    }

    /** A new account's session as the sign-in journey leaves it; returns the cookie value. */
    private String signedInSession() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Account account = accounts.create(new Account(UUID.randomUUID(), "sessions-" + UUID.randomUUID()
                + "@example.gov.uk", true, Optional.empty(), AccountStatus.ACTIVE, now, now));
        return ServiceWithBackChannel.signedInSession(sessions, account.id());
    }
}
