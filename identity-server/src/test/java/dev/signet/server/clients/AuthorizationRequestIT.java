package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.testing.ServerIntegrationTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authorization-request rules over HTTP. Nobody is signed in, so a request that passes every rule ends at the sign-in
 * page, and one that breaks a rule goes back to the client with an error (or, when the client or redirect URI cannot
 * be trusted, shows a page).
 */
class AuthorizationRequestIT extends ServerIntegrationTest {

    private static final String PUBLIC_CALLBACK = "http://127.0.0.1:9876/callback";
    private static final String PKJWT_CALLBACK = "https://pkjwt.test.example/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-extra-entropy";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private SignetProperties signet;

    private static String challenge() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        return Base64URL.encode(digest).toString();
    }

    /** A complete, valid request for the public test client; tests remove or change one thing. */
    private static Map<String, String> publicRequest() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "test-public");
        parameters.put("redirect_uri", PUBLIC_CALLBACK);
        parameters.put("scope", "openid email");
        parameters.put("state", "state-123");
        parameters.put("nonce", "nonce-456");
        parameters.put("code_challenge", challenge());
        parameters.put("code_challenge_method", "S256");
        // Password only, so these tests need no second factor (Cl.Cm is the default: docs/claims-and-trust.md).
        parameters.put("vtr", "[\"Cl\"]");
        return parameters;
    }

    private HttpResponse<String> authorize(Map<String, String> parameters) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/authorize?"
                        + ClientTestSupport.form(parameters))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static Map<String, String> query(String location) {
        Map<String, String> result = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(location).build().getQueryParams()
                .forEach((name, values) -> result.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return result;
    }

    private void assertErrorRedirect(HttpResponse<String> response, String callback, String error) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(callback + "?");
        Map<String, String> query = query(location(response));
        assertThat(query).containsEntry("error", error).containsEntry("state", "state-123")
                .containsEntry("iss", signet.issuer().toString());
    }

    private static void assertGoesOnToSignIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).contains("/sign-in").doesNotContain("error=");
    }

    @Test
    void aValidRequestGoesOnToSignIn() throws Exception {
        assertGoesOnToSignIn(authorize(publicRequest()));
    }

    @Test
    void aPublicClientWithoutPkceGetsInvalidRequestWithIss() throws Exception {
        Map<String, String> request = publicRequest();
        request.remove("code_challenge");
        request.remove("code_challenge_method");

        assertErrorRedirect(authorize(request), PUBLIC_CALLBACK, "invalid_request");
    }

    @Test
    void plainPkceIsRefused() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("code_challenge", VERIFIER);
        request.put("code_challenge_method", "plain");

        assertErrorRedirect(authorize(request), PUBLIC_CALLBACK, "invalid_request");
    }

    @Test
    void aCodeChallengeWithoutMethodMeansPlainAndIsRefused() throws Exception {
        Map<String, String> request = publicRequest();
        request.remove("code_challenge_method");

        assertErrorRedirect(authorize(request), PUBLIC_CALLBACK, "invalid_request");
    }

    @Test
    void aConfidentialClientFlaggedRequirePkceMustUseIt() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("client_id", "test-secret-post");
        request.put("redirect_uri", "https://secret-post.test.example/callback");
        request.put("scope", "openid");
        request.remove("code_challenge");
        request.remove("code_challenge_method");

        assertErrorRedirect(authorize(request), "https://secret-post.test.example/callback", "invalid_request");
    }

    @Test
    void anOpenIdRequestWithoutNonceIsRefused() throws Exception {
        Map<String, String> request = publicRequest();
        request.remove("nonce");

        HttpResponse<String> response = authorize(request);

        assertErrorRedirect(response, PUBLIC_CALLBACK, "invalid_request");
        assertThat(query(location(response)).get("error_description")).contains("nonce");
    }

    @Test
    void aVtrTheClientMayNotAskForIsRefusedAndAnAllowedOneGoesOn() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("client_id", "test-cl-only");
        request.put("redirect_uri", "http://127.0.0.1:9877/callback");
        request.put("scope", "openid");
        request.put("vtr", "[\"Cl.Cm\"]");
        assertErrorRedirect(authorize(request), "http://127.0.0.1:9877/callback", "invalid_request");

        request.put("vtr", "[\"Cl\"]");
        assertGoesOnToSignIn(authorize(request));

        request.put("vtr", "Cl");
        assertErrorRedirect(authorize(request), "http://127.0.0.1:9877/callback", "invalid_request");
    }

    @Test
    void uiLocalesIsAccepted() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("ui_locales", "cy en");

        assertGoesOnToSignIn(authorize(request));
    }

    @Test
    void anUnregisteredRedirectUriShowsAPageAndIsNeverRedirectedTo() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("redirect_uri", "https://attacker.example/callback");

        HttpResponse<String> response = authorize(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("has not registered").doesNotContain("attacker.example");
    }

    @Test
    void aLoopbackRedirectUriOnAnotherPortIsNotAccepted() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("redirect_uri", "http://127.0.0.1:9999/callback");

        HttpResponse<String> response = authorize(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void anUnknownClientShowsAPlainLanguagePageInEnglishOrWelsh() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("client_id", "nobody-registered-this");

        HttpResponse<String> response = authorize(request);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("is not registered with this sign-in service")
                .doesNotContain("Exception");

        request.put("lang", "cy");
        assertThat(authorize(request).body()).contains("lang=\"cy\"").contains("ddolen i fewngofnodi");
    }

    @Test
    void requestUriIsNotSupported() throws Exception {
        Map<String, String> request = publicRequest();
        request.put("request_uri", "https://pkjwt.test.example/request.jwt");

        assertErrorRedirect(authorize(request), PUBLIC_CALLBACK, "request_uri_not_supported");
    }

    private JWTClaimsSet.Builder requestObject() throws Exception {
        return new JWTClaimsSet.Builder()
                .issuer("test-pkjwt").audience(signet.issuer().toString())
                .expirationTime(Date.from(Instant.now().plusSeconds(120)))
                .claim("response_type", "code").claim("client_id", "test-pkjwt")
                .claim("redirect_uri", PKJWT_CALLBACK).claim("scope", "openid email")
                .claim("state", "state-123").claim("nonce", "nonce-from-object")
                .claim("code_challenge", challenge()).claim("code_challenge_method", "S256")
                .claim("vtr", List.of("Cl"));
    }

    private static Map<String, String> byValue(String requestObject) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "test-pkjwt");
        parameters.put("redirect_uri", PKJWT_CALLBACK);
        parameters.put("scope", "openid");
        parameters.put("state", "state-123");
        parameters.put("request", requestObject);
        return parameters;
    }

    @Test
    void aSignedRequestObjectIsAcceptedAndItsParametersTakePrecedence() throws Exception {
        // The query has no nonce and no PKCE; the request object has both.
        String signed = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(), requestObject().build());

        assertGoesOnToSignIn(authorize(byValue(signed)));
    }

    @Test
    void aRequestObjectTypedAsRfc9101SaysOrAsAPlainJwtIsAccepted() throws Exception {
        for (String type : List.of("oauth-authz-req+jwt", "application/oauth-authz-req+jwt", "JWT")) {
            String typed = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(), type, requestObject().build());

            assertGoesOnToSignIn(authorize(byValue(typed)));
        }
    }

    @Test
    void aSignedJwtOfAnotherTypeIsNotAcceptedAsARequestObject() throws Exception {
        // A client assertion or logout token signed by the same client must not pass for a request object.
        for (String type : List.of("client-authentication+jwt", "logout+jwt", "at+jwt")) {
            String otherKind = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(), type,
                    requestObject().build());

            HttpResponse<String> response = authorize(byValue(otherKind));

            assertErrorRedirect(response, PKJWT_CALLBACK, "invalid_request_object");
            assertThat(query(location(response)).get("error_description")).contains("typ");
        }
    }

    @Test
    void aRequestObjectSignedByAnotherKeyIsRefused() throws Exception {
        String forged = ClientTestSupport.sign(ClientTestSupport.strangerKey(), requestObject().build());

        assertErrorRedirect(authorize(byValue(forged)), PKJWT_CALLBACK, "invalid_request_object");
    }

    @Test
    void anUnsignedRequestObjectIsRefused() throws Exception {
        String unsigned = new PlainJWT(requestObject().build()).serialize();

        assertErrorRedirect(authorize(byValue(unsigned)), PKJWT_CALLBACK, "invalid_request_object");
    }

    @Test
    void aRequestObjectForAnotherAudienceOrIssuerIsRefused() throws Exception {
        String otherAudience = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                requestObject().audience("https://other-provider.example").build());
        String otherIssuer = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                requestObject().issuer("test-secret").build());

        assertErrorRedirect(authorize(byValue(otherAudience)), PKJWT_CALLBACK, "invalid_request_object");
        assertErrorRedirect(authorize(byValue(otherIssuer)), PKJWT_CALLBACK, "invalid_request_object");
    }

    @Test
    void aRequestObjectRedirectingElsewhereIsNeverFollowed() throws Exception {
        String signed = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                requestObject().claim("redirect_uri", "https://attacker.example/cb").build());

        HttpResponse<String> response = authorize(byValue(signed));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theSameRequestObjectCanBeSentAgainAsTheBrowserDoesAfterSignIn() throws Exception {
        String signed = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                requestObject().jwtID(UUID.randomUUID().toString()).build());

        assertGoesOnToSignIn(authorize(byValue(signed)));
        assertGoesOnToSignIn(authorize(byValue(signed)));
    }

    @Test
    void anExpiredRequestObjectIsRefused() throws Exception {
        String expired = ClientTestSupport.sign(ClientTestSupport.testPkjwtKey(),
                requestObject().expirationTime(Date.from(Instant.now().minusSeconds(600))).build());

        assertErrorRedirect(authorize(byValue(expired)), PKJWT_CALLBACK, "invalid_request_object");
    }

    @Test
    void discoverySaysExactlyWhatIsSupported() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body)
                .contains("\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\",\"client_secret_basic\","
                        + "\"client_secret_post\",\"none\"]")
                .contains("\"code_challenge_methods_supported\":[\"S256\"]")
                .contains("\"request_parameter_supported\":true")
                .contains("\"request_uri_parameter_supported\":false")
                .contains("\"authorization_response_iss_parameter_supported\":true")
                .contains("\"subject_types_supported\":[\"pairwise\",\"public\"]")
                .contains("\"id_token_signing_alg_values_supported\":[\"ES256\",\"RS256\"]")
                .contains("\"ui_locales_supported\":[\"en\",\"cy\"]")
                .contains("\"claims_supported\":[")
                .contains("\"grant_types_supported\":[\"authorization_code\",\"client_credentials\",\"refresh_token\"]")
                .doesNotContain("tls_client_certificate_bound_access_tokens")
                .doesNotContain("client_secret_jwt").doesNotContain("tls_client_auth")
                // Pushed authorization requests are not enabled, so no request_uri of any kind is accepted.
                .doesNotContain("pushed_authorization_request_endpoint");

        String oauthMetadata = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/.well-known/oauth-authorization-server")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(oauthMetadata).contains("\"code_challenge_methods_supported\":[\"S256\"]")
                .contains("\"authorization_response_iss_parameter_supported\":true");
    }
}
