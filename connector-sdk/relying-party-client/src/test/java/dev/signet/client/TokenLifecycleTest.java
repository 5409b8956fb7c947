package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After the sign-in: refresh, revocation, userinfo, the logout URI, and how errors and outages surface. */
class TokenLifecycleTest {

    private static final AuthorizationOptions PASSWORD = AuthorizationOptions.builder().vectorsOfTrust("Cl").build();

    private ClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ClientFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void refreshReturnsTheRotatedTokensAndChecksTheNewIdToken() {
        SignIn signIn = fixture.signIn(PASSWORD, claims -> claims.claim("vot", "Cl"));
        fixture.provider.tokenEndpoint = form -> TestProvider.tokenResponse("access-token-2",
                fixture.provider.sign(fixture.idTokenClaims(pendingStub()).claim("nonce", null).claim("at_hash",
                        ClientFixture.atHash("access-token-2", "SHA-256"))
                        .claim("auth_time", signIn.idToken().authTime().orElseThrow().getEpochSecond())
                        .build(), null), "refresh-token-2");

        Tokens refreshed = fixture.client.refresh(signIn.tokens().refreshToken().orElseThrow(), signIn.idToken());

        assertThat(refreshed.accessToken()).isEqualTo("access-token-2");
        assertThat(refreshed.refreshToken()).contains("refresh-token-2");
        assertThat(refreshed.idToken()).hasValueSatisfying(id -> assertThat(id.subject()).isEqualTo("citizen-1"));
        assertThat(fixture.provider.tokenRequests().get(1)).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "refresh-token-1").containsKey("client_assertion");
    }

    @Test
    void aRefreshedIdTokenForAnotherSubjectIsRefused() {
        SignIn signIn = fixture.signIn(PASSWORD, claims -> claims);
        fixture.provider.tokenEndpoint = form -> TestProvider.tokenResponse("access-token-2",
                fixture.provider.sign(fixture.idTokenClaims(pendingStub()).subject("someone-else")
                        .claim("at_hash", ClientFixture.atHash("access-token-2", "SHA-256")).build(), null), null);

        assertThatThrownBy(() -> fixture.client.refresh("refresh-token-1", signIn.idToken()))
                .isInstanceOf(SubjectMismatchException.class);
    }

    @Test
    void aRefusedRefreshTokenIsAProviderErrorWithItsCode() {
        fixture.provider.tokenEndpoint = form -> new TestProvider.Response(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token was reused\"}");

        assertThatThrownBy(() -> fixture.client.refresh("refresh-token-1"))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.error()).contains("invalid_grant");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("reused").doesNotContain("refresh-token-1");
                });
    }

    @Test
    void aServerErrorOrATimeoutMeansSignetIsUnavailable() {
        fixture.provider.tokenEndpoint = form -> new TestProvider.Response(503, "{}");
        assertThatThrownBy(() -> fixture.client.refresh("refresh-token-1"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("503");

        SignetClient impatient = fixture.builder().timeout(Duration.ofMillis(300)).build();
        fixture.provider.tokenEndpointDelayMillis = 3_000;
        assertThatThrownBy(() -> impatient.refresh("refresh-token-1"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("did not answer");
    }

    @Test
    void revocationSendsTheTokenItsHintAndAClientAssertion() {
        fixture.client.revoke("refresh-token-1", TokenTypeHint.REFRESH_TOKEN);

        Map<String, String> request = fixture.provider.revocationRequests.get(0);
        assertThat(request).containsEntry("token", "refresh-token-1").containsEntry("token_type_hint", "refresh_token")
                .containsEntry("client_id", ClientFixture.CLIENT_ID).containsKey("client_assertion");
    }

    @Test
    void aRefusedRevocationIsAProviderError() {
        fixture.provider.revocationResponse = new TestProvider.Response(401, "{\"error\":\"invalid_client\"}");

        assertThatThrownBy(() -> fixture.client.revoke("t", TokenTypeHint.ACCESS_TOKEN))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_client"));
    }

    @Test
    void userInfoSendsTheAccessTokenAndChecksTheSubject() {
        fixture.provider.userInfoResponse = new TestProvider.Response(200,
                "{\"sub\":\"citizen-1\",\"email\":\"a@example.com\",\"email_verified\":true}");

        UserInfo info = fixture.client.userInfo("access-token-1", "citizen-1");

        assertThat(info.email()).contains("a@example.com");
        assertThat(info.emailVerified()).isTrue();
        assertThat(fixture.provider.userInfoAuthorizations).containsExactly("Bearer access-token-1");
        assertThatThrownBy(() -> fixture.client.userInfo("access-token-1", "citizen-2"))
                .isInstanceOf(SubjectMismatchException.class);
    }

    @Test
    void userInfoGivesTheLegacySubjects() {
        fixture.provider.userInfoResponse = new TestProvider.Response(200, """
                {"sub":"citizen-1","legacy_subjects":[{"connector":"council-tax","subject":"CT-9"},{"subject":"x"}]}""");

        UserInfo info = fixture.client.userInfo("access-token-1", "citizen-1");

        // The entry without a connector is not a legacy subject.
        assertThat(info.legacySubjects()).containsExactly(new LegacySubject("council-tax", "CT-9"));
    }

    @Test
    void anExpiredAccessTokenAtUserInfoIsInvalidToken() {
        fixture.provider.userInfoResponse = new TestProvider.Response(401, "");

        assertThatThrownBy(() -> fixture.client.userInfo("access-token-1", "citizen-1"))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.error()).contains("invalid_token");
                    assertThat(e.description()).contains("The access token expired");
                });
    }

    @Test
    void theLogoutUriNamesTheHintTheClientThePostLogoutUriAndState() {
        URI logout = fixture.client.logoutUri("id-token-value", "logout-state");

        assertThat(logout.toString()).startsWith(fixture.provider.issuer + "/connect/logout?")
                .contains("id_token_hint=id-token-value")
                .contains("client_id=" + ClientFixture.CLIENT_ID)
                .contains("post_logout_redirect_uri=" + ClientFixture.encode(ClientFixture.POST_LOGOUT_URI.toString()))
                .contains("state=logout-state");
    }

    @Test
    void discoveryIsFetchedOnceWhileFresh() {
        fixture.client.authorizationRequest();
        fixture.client.authorizationRequest();
        fixture.client.logoutUri("hint");

        assertThat(fixture.provider.discoveryFetches.get()).isEqualTo(1);
        fixture.clock.advance(Duration.ofSeconds(3601)); // the test provider says max-age=3600
        fixture.client.authorizationRequest();
        assertThat(fixture.provider.discoveryFetches.get()).isEqualTo(2);
    }

    @Test
    void discoveryNamingAnotherIssuerIsRefused() {
        SignetClient wrong = fixture.builder().issuer(fixture.provider.issuer + "/").build();

        assertThatThrownBy(wrong::authorizationRequest).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("not the configured");
    }

    private PendingAuthorization pendingStub() {
        return new PendingAuthorization("s", "n", "v", ClientFixture.REDIRECT_URI, java.util.List.of(),
                java.util.Optional.empty(), fixture.now());
    }
}
