package dev.signet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.client.AuthorizationErrorException;
import dev.signet.client.AuthorizationOptions;
import dev.signet.client.AuthorizationRequest;
import dev.signet.client.ClientKey;
import dev.signet.client.LogoutToken;
import dev.signet.client.ProviderErrorException;
import dev.signet.client.SecurityEvent;
import dev.signet.client.SecurityEventToken;
import dev.signet.client.SignIn;
import dev.signet.client.SignetClient;
import dev.signet.client.TokenTypeHint;
import dev.signet.client.Tokens;
import dev.signet.client.UserInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relying-party client, Signet's reference relying party, signs in against the simulator from end to end, and
 * uses everything after: userinfo, refresh with rotation, revocation, logout, back-channel logout and security events.
 */
class SignInWithRelyingPartyClientTest {

    static final ClientKey KEY = ClientKey.generate("fishing-1");
    static final String REDIRECT = "http://localhost:8080/auth/callback";
    static final String SIGNED_OUT = "http://localhost:8080/signed-out";

    static final SimulatedUser MARGARET = SimulatedUser.builder("citizen-margaret")
            .email("margaret@example.org").givenName("Margaret").familyName("Hughes")
            .phoneNumber("+447700900123")
            .legacySubject("vehicle-tax", "1004711")
            .build();
    static final SimulatedUser OWAIN = SimulatedUser.builder("citizen-owain").email("owain@example.org")
            .emailVerified(false).build();

    static SimulatedClient.Builder client() {
        return SimulatedClient.builder("fishing-licence").jwks(KEY.publicJwkSet()).redirectUri(REDIRECT)
                .postLogoutRedirectUri(SIGNED_OUT);
    }

    @RegisterExtension
    static SignetSimulatorExtension signet = SignetSimulatorExtension.builder()
            .user(MARGARET)
            .user(OWAIN)
            .client(client().build())
            .build();

    final Browser browser = new Browser();

    static SignetClient.Builder relyingParty() {
        return relyingParty(signet.issuer());
    }

    static SignetClient.Builder relyingParty(String issuer) {
        return SignetClient.builder().issuer(issuer).clientId("fishing-licence").clientKey(KEY)
                .redirectUri(URI.create(REDIRECT)).postLogoutRedirectUri(URI.create(SIGNED_OUT))
                .scopes("openid", "email", "phone", "profile");
    }

    static SignIn signIn(SignetClient client, Browser browser, AuthorizationOptions options) {
        AuthorizationRequest request = client.authorizationRequest(options);
        URI callback = browser.redirectFrom(request.uri());
        return client.completeSignIn(callback, request.pending());
    }

    @Test
    void citizenSignsInWithSignetsClaims() {
        SignetClient client = relyingParty().build();
        Instant before = Instant.now().minusSeconds(1);

        SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());

        assertThat(signIn.subject()).isEqualTo("citizen-margaret");
        assertThat(signIn.idToken().issuer()).isEqualTo(signet.issuer());
        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl.Cm");
        assertThat(signIn.idToken().stringClaim("vtm")).contains(signet.issuer() + "/trustmark");
        assertThat(signIn.idToken().sessionId()).isPresent();
        assertThat(signIn.idToken().authTime()).hasValueSatisfying(time -> assertThat(time).isAfter(before));
        assertThat(signIn.idToken().claims()).containsKey("at_hash");
        assertThat(signIn.tokens().refreshToken()).isPresent();
    }

    @Test
    void authorizationResponseCarriesIssuerAndState() {
        SignetClient client = relyingParty().build();
        AuthorizationRequest request = client.authorizationRequest();

        URI callback = browser.redirectFrom(request.uri());

        Map<String, String> query = query(callback);
        assertThat(callback.toString()).startsWith(REDIRECT + "?");
        assertThat(query).containsEntry("iss", signet.issuer()).containsEntry("state", request.pending().state())
                .containsKey("code");
    }

    @Test
    void weakerVectorRequestedGivesThatVot() {
        SignIn signIn = signIn(relyingParty().build(), browser, AuthorizationOptions.builder()
                .vectorsOfTrust("Cl").uiLocales("cy", "en").maxAge(Duration.ofMinutes(5)).build());

        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl");
    }

    @Test
    void configuredVotWeakerThanRequestedIsUnmet() {
        signet.simulator().vot("Cl");
        SignetClient client = relyingParty().build();

        assertThatThrownBy(() -> signIn(client, browser, AuthorizationOptions.defaults()))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.error()).isEqualTo("unmet_authentication_requirements"));
        assertThat(signIn(client, browser, AuthorizationOptions.builder().vectorsOfTrust("Cl").build())
                .idToken().vectorOfTrust()).contains("Cl");
    }

    @Test
    void signInAsAnotherUser() {
        signet.simulator().signInAs("citizen-owain");

        SignIn signIn = signIn(relyingParty().build(), browser, AuthorizationOptions.defaults());

        assertThat(signIn.subject()).isEqualTo("citizen-owain");
    }

    @Test
    void signedRequestObjectIsAccepted() {
        SignIn signIn = signIn(relyingParty().signedRequestObjects(true).build(), browser,
                AuthorizationOptions.builder().vectorsOfTrust("Cl").build());

        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl");
    }

    @Test
    void userInfoReleasesClaimsByScope() {
        SignetClient client = relyingParty().build();
        SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());

        UserInfo info = client.userInfo(signIn.tokens().accessToken(), signIn.subject());

        assertThat(info.email()).contains("margaret@example.org");
        assertThat(info.emailVerified()).isTrue();
        assertThat(info.claims()).containsEntry("given_name", "Margaret").containsEntry("family_name", "Hughes")
                .containsEntry("phone_number", "+447700900123").doesNotContainKey("legacy_subjects");
    }

    @Test
    void legacySubjectsAreReleasedWhenAskedFor() {
        SignetClient client = relyingParty().build();
        SignIn signIn = signIn(client, browser, AuthorizationOptions.builder()
                .claims("{\"id_token\":{\"legacy_subjects\":null,\"email\":null}}").build());

        assertThat(signIn.idToken().claim("legacy_subjects")).contains(
                List.of(Map.of("connector", "vehicle-tax", "subject", "1004711")));
        // Signet's shape: the client's typed accessor reads the simulator's claim as it reads Signet's.
        assertThat(signIn.idToken().legacySubjects())
                .containsExactly(new dev.signet.client.LegacySubject("vehicle-tax", "1004711"));
        assertThat(signIn.idToken().stringClaim("email")).contains("margaret@example.org");
        assertThat(client.userInfo(signIn.tokens().accessToken(), signIn.subject()).claims())
                .doesNotContainKey("legacy_subjects");

        SignIn withScope = signIn(relyingParty().scopes("legacy_subjects").build(), new Browser(),
                AuthorizationOptions.defaults());
        assertThat(client.userInfo(withScope.tokens().accessToken(), withScope.subject()).claims())
                .containsKey("legacy_subjects");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheSignIn() {
        SignetClient client = relyingParty().build();
        SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());
        String first = signIn.tokens().refreshToken().orElseThrow();

        Tokens refreshed = client.refresh(first, signIn.idToken());

        String second = refreshed.refreshToken().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.idToken()).hasValueSatisfying(idToken -> {
            assertThat(idToken.subject()).isEqualTo(signIn.subject());
            assertThat(idToken.authTime()).isEqualTo(signIn.idToken().authTime());
            assertThat(idToken.claims()).doesNotContainKey("nonce");
        });
        assertThatThrownBy(() -> client.refresh(first, signIn.idToken()))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_grant"));
        // The reuse revoked the whole sign-in, so the newest refresh token is refused too.
        assertThatThrownBy(() -> client.refresh(second, signIn.idToken()))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_grant"));
    }

    @Test
    void revokingTheRefreshTokenEndsItsAccessToken() {
        SignetClient client = relyingParty().build();
        SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());

        client.revoke(signIn.tokens().refreshToken().orElseThrow(), TokenTypeHint.REFRESH_TOKEN);

        assertThatThrownBy(() -> client.userInfo(signIn.tokens().accessToken(), signIn.subject()))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_token"));
        assertThatThrownBy(() -> client.refresh(signIn.tokens().refreshToken().orElseThrow()))
                .isInstanceOf(ProviderErrorException.class);
    }

    @Test
    void codeIsUsedOnce() {
        SignetClient client = relyingParty().build();
        AuthorizationRequest request = client.authorizationRequest();
        URI callback = browser.redirectFrom(request.uri());
        client.completeSignIn(callback, request.pending());

        assertThatThrownBy(() -> client.completeSignIn(callback, request.pending()))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_grant"));
    }

    @Test
    void promptNoneNeedsASignedInBrowser() {
        SignetClient client = relyingParty().build();
        AuthorizationOptions silent = AuthorizationOptions.builder().prompt("none").build();

        assertThatThrownBy(() -> signIn(client, browser, silent))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.error()).isEqualTo("login_required"));

        SignIn first = signIn(client, browser, AuthorizationOptions.defaults());
        SignIn silently = signIn(client, browser, silent);
        assertThat(silently.idToken().sessionId()).isEqualTo(first.idToken().sessionId());
        assertThat(silently.idToken().authTime()).isEqualTo(first.idToken().authTime());

        SignIn again = signIn(client, browser, AuthorizationOptions.builder().prompt("login").build());
        assertThat(again.idToken().sessionId()).isNotEqualTo(first.idToken().sessionId());
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsWithState() {
        SignetClient client = relyingParty().build();
        SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());

        URI back = browser.redirectFrom(client.logoutUri(signIn.idToken().value(), "after-logout"));

        assertThat(back).isEqualTo(URI.create(SIGNED_OUT + "?state=after-logout"));
        assertThatThrownBy(() -> signIn(client, browser, AuthorizationOptions.builder().prompt("none").build()))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.error()).isEqualTo("login_required"));
    }

    @Test
    void logoutToAnUnregisteredUriAsksTheCitizenInstead() {
        SignetClient client = relyingParty().build();
        SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());
        SignetClient elsewhere = relyingParty().postLogoutRedirectUri(URI.create("https://evil.example/")).build();

        var response = browser.get(elsewhere.logoutUri(signIn.idToken().value(), "x"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Do you want to sign out?");
        // not signed out: a forged request must not end the session
        assertThat(signIn(client, browser, AuthorizationOptions.builder().prompt("none").build()).idToken()
                .sessionId()).isEqualTo(signIn.idToken().sessionId());
    }

    @Test
    void signOutSendsBackChannelLogoutToEveryServiceOfTheSession() {
        try (Receiver other = new Receiver(200); Receiver own = new Receiver(200)) {
            ClientKey otherKey = ClientKey.generate("other-1");
            signet.simulator().addClient(SimulatedClient.builder("other-service").jwks(otherKey.publicJwkSet())
                    .redirectUri("http://localhost:9000/cb").backChannelLogoutUri(other.uri("/logout")).build());
            signet.simulator().addClient(client().backChannelLogoutUri(own.uri("/logout")).build());
            SignetClient otherClient = SignetClient.builder().issuer(signet.issuer()).clientId("other-service")
                    .clientKey(otherKey).redirectUri(URI.create("http://localhost:9000/cb")).build();
            SignIn atOther = signIn(otherClient, browser, AuthorizationOptions.defaults());
            SignetClient client = relyingParty().build();
            SignIn here = signIn(client, browser, AuthorizationOptions.defaults());

            browser.redirectFrom(client.logoutUri(here.idToken().value(), "s"));

            assertThat(other.received).hasSize(1);
            LogoutToken atOtherLogout = otherClient.validateLogoutToken(
                    query(URI.create("x:/?" + other.received.get(0).body())).get("logout_token"));
            assertThat(atOtherLogout.subject()).contains(atOther.subject());
            assertThat(atOtherLogout.sessionId()).isEqualTo(atOther.idToken().sessionId());
            assertThat(own.received).hasSize(1);
            assertThat(client.validateLogoutToken(query(URI.create("x:/?" + own.received.get(0).body()))
                    .get("logout_token")).sessionId()).isEqualTo(here.idToken().sessionId());
        }
    }

    @Test
    void backChannelLogoutOnDemandIsValidAndRefusedWhenReplayed() {
        try (Receiver service = new Receiver(200)) {
            signet.simulator().addClient(client().backChannelLogoutUri(service.uri("/backchannel")).build());
            SignetClient client = relyingParty().build();
            SignIn signIn = signIn(client, browser, AuthorizationOptions.defaults());

            int status = signet.simulator().sendBackChannelLogout("fishing-licence", signIn.subject());

            assertThat(status).isEqualTo(200);
            Receiver.Received received = service.received.get(0);
            assertThat(received.contentType()).startsWith("application/x-www-form-urlencoded");
            String token = query(URI.create("x:/?" + received.body())).get("logout_token");
            LogoutToken logout = client.validateLogoutToken(token);
            assertThat(logout.subject()).contains(signIn.subject());
            assertThat(logout.sessionId()).isEqualTo(signIn.idToken().sessionId());
            assertThatThrownBy(() -> client.validateLogoutToken(token))
                    .isInstanceOf(dev.signet.client.TokenReplayedException.class);
        }
    }

    @Test
    void securityEventsArePushedAndValidate() {
        try (Receiver service = new Receiver(202)) {
            signet.simulator().addClient(client().eventsUri(service.uri("/events")).build());
            SignetClient client = relyingParty().build();

            assertThat(signet.simulator().sendSecurityEvent("fishing-licence",
                    SecurityEvents.accountMerged("citizen-owain", "citizen-margaret"))).isEqualTo(202);
            assertThat(signet.simulator().sendSecurityEvent("fishing-licence",
                    SecurityEvents.legacyIdentityUnlinked("citizen-margaret", "vehicle-tax", "1004711")))
                    .isEqualTo(202);

            assertThat(service.received).extracting(Receiver.Received::contentType)
                    .containsOnly("application/secevent+jwt");
            SecurityEventToken merged = client.validateSecurityEventToken(service.received.get(0).body());
            assertThat(merged.events()).containsExactly(
                    new SecurityEvent.AccountMerged("citizen-owain", "citizen-margaret"));
            SecurityEventToken unlinked = client.validateSecurityEventToken(service.received.get(1).body());
            assertThat(unlinked.events()).containsExactly(new SecurityEvent.LegacyIdentityUnlinked(
                    "citizen-margaret", Optional.of("1004711"), Optional.of("vehicle-tax")));
        }
    }

    @Test
    void userPickerPageSignsInTheChosenUser() {
        signet.simulator().loginMode(LoginMode.USER_PICKER);
        SignetClient client = relyingParty().build();
        AuthorizationRequest request = client.authorizationRequest();

        var page = browser.get(request.uri());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Margaret Hughes (margaret@example.org)").contains("citizen-owain");
        String transaction = page.body().replaceAll("(?s).*name=\"transaction\" value=\"([^\"]+)\".*", "$1");
        URI callback = Browser.location(browser.postForm(URI.create(signet.issuer() + "/simulator/pick"),
                "transaction=" + transaction + "&vot=Cl.Cm&subject=citizen-owain"));
        assertThat(client.completeSignIn(callback, request.pending()).subject()).isEqualTo("citizen-owain");
    }

    @Test
    void unknownRedirectUriIsNeverRedirectedTo() {
        SignetClient client = relyingParty().redirectUri(URI.create("https://evil.example/cb")).build();

        var response = browser.get(client.authorizationRequest().uri());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("The link from the service is wrong");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
