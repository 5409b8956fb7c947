package dev.signet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.signet.client.AuthorizationOptions;
import dev.signet.client.ClientKey;
import dev.signet.client.ProviderErrorException;
import dev.signet.client.SignetClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a relying party other than Signet's own client meets: discovery, client_secret_basic, refusals, reset. */
class ProviderProtocolTest {

    static final String REDIRECT = "https://secret.example/callback";
    final SignetSimulator simulator = SignetSimulator.builder()
            .user(SignInWithRelyingPartyClientTest.MARGARET)
            .client(SignInWithRelyingPartyClientTest.client().build())
            .client(SimulatedClient.builder("secret-service").clientSecret("s3cret value").redirectUri(REDIRECT)
                    .build())
            .start();
    final Browser browser = new Browser();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void discoverySaysWhatSignetSays() throws Exception {
        Map<String, Object> metadata = JSONObjectUtils.parse(get("/.well-known/openid-configuration").body());

        assertThat(metadata).containsEntry("issuer", simulator.issuer())
                .containsEntry("authorization_endpoint", simulator.issuer() + "/oauth2/authorize")
                .containsEntry("token_endpoint", simulator.issuer() + "/oauth2/token")
                .containsEntry("jwks_uri", simulator.issuer() + "/oauth2/jwks")
                .containsEntry("end_session_endpoint", simulator.issuer() + "/connect/logout")
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("request_uri_parameter_supported", false)
                .containsEntry("trustmarks", simulator.issuer() + "/trustmark");
        assertThat(metadata.get("code_challenge_methods_supported")).isEqualTo(java.util.List.of("S256"));
        assertThat(metadata.get("vtr_values_supported")).isEqualTo(java.util.List.of("Cl.Cm", "Cl"));
        assertThat(simulator.issuer()).isEqualTo("http://localhost:" + simulator.port());
    }

    @Test
    void clientSecretBasicExchangesACode() throws Exception {
        String verifier = "a-verifier-of-enough-length-for-pkce-0123456789";
        URI authorize = URI.create(simulator.issuer() + "/oauth2/authorize?response_type=code&client_id=secret-service"
                + "&redirect_uri=" + REDIRECT + "&scope=openid%20email&state=st&nonce=nn&code_challenge="
                + s256(verifier) + "&code_challenge_method=S256");
        Map<String, String> callback = SignInWithRelyingPartyClientTest.query(browser.redirectFrom(authorize));
        String form = "grant_type=authorization_code&code=" + callback.get("code") + "&redirect_uri=" + REDIRECT
                + "&code_verifier=" + verifier;

        HttpResponse<String> wrongSecret = token(form, basic("secret-service", "wrong"));
        HttpResponse<String> response = token(form, basic("secret-service", "s3cret value"));

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> tokens = JSONObjectUtils.parse(response.body());
        assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token").containsEntry("token_type",
                "Bearer");
    }

    @Test
    void authorizationRequestWithoutPkceIsRefusedAtTheRedirectUri() {
        URI authorize = URI.create(simulator.issuer() + "/oauth2/authorize?response_type=code"
                + "&client_id=secret-service&redirect_uri=" + REDIRECT + "&scope=openid&state=st&nonce=nn");

        Map<String, String> answer = SignInWithRelyingPartyClientTest.query(browser.redirectFrom(authorize));

        assertThat(answer).containsEntry("error", "invalid_request").containsEntry("state", "st")
                .containsEntry("iss", simulator.issuer());
    }

    @Test
    void privateKeyJwtWithAnotherKeyIsRefused() {
        SignetClient impostor = SignetClient.builder().issuer(simulator.issuer()).clientId("fishing-licence")
                .clientKey(ClientKey.generate("fishing-1"))
                .redirectUri(URI.create(SignInWithRelyingPartyClientTest.REDIRECT)).build();

        assertThatThrownBy(() -> SignInWithRelyingPartyClientTest.signIn(impostor, browser,
                AuthorizationOptions.defaults()))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_client"));
    }

    @Test
    void resetReturnsToTheStartingSettings() {
        simulator.addUser(SimulatedUser.builder("someone-else").build()).signInAs("someone-else").vot("Cl");
        simulator.spoilNextIdToken(IdTokenFault.WRONG_NONCE);
        simulator.failNextAuthorization(AuthorizationError.ACCESS_DENIED);

        simulator.reset();

        SignetClient client = SignInWithRelyingPartyClientTest.relyingParty(simulator.issuer())
                .build();
        var signIn = SignInWithRelyingPartyClientTest.signIn(client, browser, AuthorizationOptions.defaults());
        assertThat(signIn.subject()).isEqualTo("citizen-margaret");
        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl.Cm");
        assertThatThrownBy(() -> simulator.signInAs("someone-else")).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.issuer() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String form, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String id, String secret) {
        String encoded = java.net.URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
    }

    private static String s256(String verifier) throws Exception {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
