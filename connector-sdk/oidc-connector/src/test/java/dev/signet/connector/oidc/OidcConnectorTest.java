package dev.signet.connector.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.connector.Authenticated;
import dev.signet.connector.Callback;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.Redirect;
import dev.signet.connector.RedirectConnector;
import dev.signet.connector.RedirectRequest;
import dev.signet.connector.RedirectStartOutcome;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.testkit.LogCapture;
import dev.signet.connector.testkit.UnresponsiveServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The oidc connector against a real OpenID Connect provider (mock-oauth2-server) started by the test. */
class OidcConnectorTest {

    private static final URI CALLBACK = URI.create("https://signet.example.gov.uk/sign-in/connector/callback");
    private static final String CLIENT_ID = "signet";
    private static final String CLIENT_SECRET = "client-secret-2026-long-enough-for-hs256";
    private static final String SUBJECT = "upstream-subject-5531";
    private static final String EMAIL = "rhiannon.evans@example.org";

    private Upstream upstream;
    private final Browser browser = new Browser();
    private RedirectConnector connector;

    @BeforeEach
    void startUpstream() {
        upstream = Upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        if (connector != null) {
            connector.close();
        }
        upstream.close();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("issuer", upstream.issuer().toString());
        settings.put("client-id", CLIENT_ID);
        settings.put("client-secret", CLIENT_SECRET);
        // Generous: the first request of a run warms up the JVM, the provider and the relay on a busy machine.
        settings.put("timeout", "20s");
        settings.put("connect-timeout", "5s");
        return settings;
    }

    private RedirectConnector open(Map<String, String> settings) {
        connector = (RedirectConnector) new OidcType().open(
                ConnectorInstance.of("department-idp", "Department account", "dept"), ConnectorSettings.of(settings));
        return connector;
    }

    private static Map<String, Object> citizenClaims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", EMAIL);
        claims.put("email_verified", true);
        claims.put("given_name", "Rhiannon");
        claims.put("family_name", "Evans");
        claims.put("phone_number", "+447700900123");
        claims.put("phone_number_verified", false);
        return claims;
    }

    private Redirect start(RedirectConnector connector, String state) {
        RedirectStartOutcome outcome = connector.start(new RedirectRequest(CALLBACK, state));
        assertThat(outcome).isInstanceOf(Redirect.class);
        return (Redirect) outcome;
    }

    /** A whole sign-in: start, the browser's round trip upstream, the callback. */
    private SignInOutcome signIn(RedirectConnector connector) {
        Redirect redirect = start(connector, "journey-state-1");
        return connector.handleCallback(browser.signIn(redirect, CALLBACK));
    }

    /** A whole sign-in that the connector refuses, saying {@code reason} in its log. */
    private void assertRefused(String reason) {
        try (LogCapture logs = LogCapture.start(LogCapture.Detail.DEBUG)) {
            silenceTestFixtures();
            assertThat(signIn(connector)).isInstanceOf(InvalidCredentials.class);
            assertThat(logs.text()).contains("Connector department-idp: ", reason);
        }
    }

    private static LegacyIdentity identity(SignInOutcome outcome) {
        assertThat(outcome).isInstanceOf(Authenticated.class);
        return ((Authenticated) outcome).identity();
    }

    @Test
    void signsInAndMapsTheStandardClaims() {
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        LegacyIdentity identity = identity(signIn(open(settings())));

        assertThat(identity.connectorId()).isEqualTo("department-idp");
        assertThat(identity.subject()).isEqualTo(SUBJECT);
        assertThat(identity.verifiedAttributes()).containsExactly(Map.entry("email", EMAIL));
        assertThat(identity.unverifiedAttributes()).containsOnly(Map.entry("given_name", "Rhiannon"),
                Map.entry("family_name", "Evans"), Map.entry("phone_number", "+447700900123"));
    }

    @Test
    void theAuthorizationRequestCarriesStateNonceAndAnS256CodeChallengeThatTheTokenRequestAnswers() throws Exception {
        Redirect redirect = start(open(settings()), "journey-state-1");
        Map<String, List<String>> request = Browser.query(redirect.location());

        assertThat(redirect.location().toString()).startsWith(upstream.issuer() + "/authorize?");
        assertThat(request).containsEntry("response_type", List.of("code"))
                .containsEntry("client_id", List.of(CLIENT_ID))
                .containsEntry("redirect_uri", List.of(CALLBACK.toString()))
                .containsEntry("state", List.of("journey-state-1"))
                .containsEntry("code_challenge_method", List.of("S256"))
                .containsEntry("scope", List.of("openid email profile"))
                .containsKeys("nonce", "code_challenge");
        assertThat(redirect.connectorState()).doesNotContain(request.get("nonce").get(0));

        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(connector.handleCallback(browser.signIn(redirect, CALLBACK)));
        Map<String, List<String>> tokenRequest = Browser.query(URI.create("?" + upstream.lastRequestBody("/token")));
        String verifier = tokenRequest.get("code_verifier").get(0);
        String challenge = Base64URL.encode(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII))).toString();
        assertThat(request.get("code_challenge")).containsExactly(challenge);
        assertThat(upstream.lastAuthorizationHeader("/token")).startsWith("Basic ");
    }

    @Test
    void claimMappingSubjectClaimAndVerifiedAttributesFollowTheSettings() {
        Map<String, String> settings = settings();
        settings.put("subject-claim", "oid");
        settings.put("claims.email", "mail");
        settings.put("claims.given_name", "first_name");
        settings.put("verified-attributes", "email given_name");
        Map<String, Object> claims = new HashMap<>();
        claims.put("oid", "00000000-0000-0000-66f3-3332eca7ea81");
        claims.put("mail", EMAIL);
        claims.put("email_verified", true);
        claims.put("first_name", "Rhiannon");
        claims.put("family_name", "Evans");
        upstream.nextSignIn(SUBJECT, claims, List.of());

        LegacyIdentity identity = identity(signIn(open(settings)));

        assertThat(identity.subject()).isEqualTo("00000000-0000-0000-66f3-3332eca7ea81");
        assertThat(identity.verifiedAttributes()).containsOnly(Map.entry("email", EMAIL),
                Map.entry("given_name", "Rhiannon"));
        assertThat(identity.unverifiedAttributes()).isEmpty(); // family_name is not mapped
    }

    @Test
    void anEmailIsVerifiedOnlyWhenTheUpstreamSaysSo() {
        Map<String, Object> claims = citizenClaims();
        claims.put("email_verified", false);
        upstream.nextSignIn(SUBJECT, claims, List.of());
        assertThat(identity(signIn(open(settings()))).unverifiedAttributes()).containsEntry("email", EMAIL);

        claims.remove("email_verified");
        upstream.nextSignIn(SUBJECT, claims, List.of());
        assertThat(identity(signIn(connector)).verifiedAttributes()).isEmpty();
    }

    @Test
    void aMissingSubjectClaimIsRefused() {
        Map<String, String> settings = settings();
        settings.put("subject-claim", "employee_number");
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        open(settings);
        assertRefused("ID token has no usable subject claim 'employee_number'");
    }

    @Test
    void aWrongOrMissingStateIsRefusedBeforeAnyCodeIsRedeemed() {
        Redirect redirect = start(open(settings()), "journey-state-1");
        Callback back = browser.signIn(redirect, CALLBACK);
        Map<String, List<String>> wrongState = new HashMap<>(back.parameters());
        wrongState.put("state", List.of("journey-state-2"));
        Map<String, List<String>> noState = new HashMap<>(back.parameters());
        noState.remove("state");

        try (LogCapture logs = LogCapture.start(LogCapture.Detail.DEBUG)) {
            silenceTestFixtures();
            assertThat(connector.handleCallback(new Callback(CALLBACK, wrongState, redirect.connectorState())))
                    .isInstanceOf(InvalidCredentials.class);
            assertThat(connector.handleCallback(new Callback(CALLBACK, noState, redirect.connectorState())))
                    .isInstanceOf(InvalidCredentials.class);
            assertThat(logs.text()).contains("state is missing or not the one sent");
            assertThat(connector.handleCallback(new Callback(CALLBACK, back.parameters(), "not-a-connector-state")))
                    .isInstanceOf(InvalidCredentials.class);
            assertThat(logs.text()).contains("the stored connector state is not this connector's");
        }
        assertThat(upstream.requestsTo("/token")).isZero();
    }

    private SignInOutcome upstreamAnswers(Map<String, List<String>> parameters) {
        Redirect redirect = start(connector, "journey-state-1");
        Map<String, List<String>> withState = new HashMap<>(parameters);
        withState.put("state", List.of("journey-state-1"));
        return connector.handleCallback(new Callback(CALLBACK, withState, redirect.connectorState()));
    }

    @Test
    void upstreamErrorsAreOutcomes() {
        open(settings());
        assertThat(upstreamAnswers(Map.of("error", List.of("access_denied"), "error_description",
                List.of("The user cancelled")))).isInstanceOf(InvalidCredentials.class);
        assertThat(upstreamAnswers(Map.of("error", List.of("login_required")))).isInstanceOf(InvalidCredentials.class);
        assertThat(upstreamAnswers(Map.of("error", List.of("temporarily_unavailable"))))
                .isEqualTo(new Unavailable("upstream answered error temporarily_unavailable"));
        assertThat(upstreamAnswers(Map.of("error", List.of("invalid_scope")))).isInstanceOfSatisfying(
                Unavailable.class, unavailable -> assertThat(unavailable.reason()).contains("invalid_scope"));
        assertThat(upstreamAnswers(Map.of("error", List.of("<script>alert(1)</script>")))).isInstanceOfSatisfying(
                Unavailable.class, unavailable -> assertThat(unavailable.reason()).doesNotContain("script"));
        assertThat(upstreamAnswers(Map.of())).isInstanceOf(InvalidCredentials.class); // neither code nor error
        assertThat(upstream.requestsTo("/token")).isZero();
    }

    /** Replaces the ID token in the token endpoint's answers with what {@code change} makes of it. */
    private void alterIdToken(UnaryOperator<String> change) {
        Pattern idToken = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
        upstream.alter("/token", body -> {
            Matcher matcher = idToken.matcher(body);
            assertThat(matcher.find()).as("token response holds an ID token").isTrue();
            return body.substring(0, matcher.start(1)) + change.apply(matcher.group(1))
                    + body.substring(matcher.end(1));
        });
    }

    private static JWTClaimsSet claimsOf(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTamperedIdTokenIsRefused() {
        open(settings());
        alterIdToken(jwt -> {
            String[] parts = jwt.split("\\.");
            Map<String, Object> claims = new HashMap<>(claimsOf(jwt).toJSONObject());
            claims.put("sub", "someone-else");
            return parts[0] + "." + Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims))
                    + "." + parts[2];
        });
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token signature (RS256) does not verify");
    }

    @Test
    void unsignedAndSecretSignedIdTokensAreRefusedUnlessAllowed() {
        open(settings());
        alterIdToken(jwt -> new PlainJWT(claimsOf(jwt)).serialize());
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token is not a signed JWT");

        alterIdToken(jwt -> hmacSigned(claimsOf(jwt)));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token is signed with HS256, which id-token-algorithms does not allow");

        connector.close();
        Map<String, String> allowingHmac = settings();
        allowingHmac.put("id-token-algorithms", "RS256 HS256");
        open(allowingHmac);
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertThat(identity(signIn(connector)).subject()).isEqualTo(SUBJECT);
    }

    private static String hmacSigned(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** The connector, its clock {@code ahead} of the provider's. */
    private RedirectConnector openAhead(Map<String, String> settings, Duration ahead) {
        ConnectorSettings resolved = new OidcType().schema().resolve("department-idp", OidcType.NAME,
                ConnectorSettings.of(settings));
        connector = new OidcConnector(ConnectorInstance.of("department-idp", "Department account", "dept"),
                OidcSettings.from(resolved), Clock.offset(Clock.systemUTC(), ahead));
        return connector;
    }

    @Test
    void anExpiredIdTokenIsRefusedBeyondTheClockSkew() {
        openAhead(settings(), Duration.ofSeconds(3600 + 90)); // the provider's tokens live an hour
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token has expired");
        connector.close();

        openAhead(settings(), Duration.ofSeconds(3600 + 30)); // expired 30s ago: within the default 60s
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertThat(signIn(connector)).isInstanceOf(Authenticated.class);
    }

    @Test
    void anIdTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() {
        open(settings());
        upstream.setClock(Instant.now().plus(Duration.ofMinutes(10)));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token iat is in the future");

        upstream.setClock(Instant.now().plus(Duration.ofSeconds(20))); // within the default 60s
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertThat(signIn(connector)).isInstanceOf(Authenticated.class);
    }

    @Test
    void aCodeIssuedToAnotherJourneyDoesNotRedeemWithoutItsPkceVerifier() {
        open(settings());
        Redirect first = start(connector, "journey-state-1");
        Redirect second = start(connector, "journey-state-1");
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        // The upstream answers the first request, but the journey holds the second's verifier: the upstream refuses.
        Callback back = browser.signIn(first, CALLBACK);
        try (LogCapture logs = LogCapture.start(LogCapture.Detail.DEBUG)) {
            silenceTestFixtures();
            assertThat(connector.handleCallback(new Callback(CALLBACK, back.parameters(), second.connectorState())))
                    .isInstanceOf(InvalidCredentials.class);
            assertThat(logs.text()).contains("the token endpoint refused the code (invalid_grant)");
        }
    }

    @Test
    void aWrongNonceIsRefused() {
        open(settings());
        Redirect redirect = start(connector, "journey-state-1");
        PendingSignIn sent = PendingSignIn.decode(redirect.connectorState()).orElseThrow();
        String otherNonce = new PendingSignIn(sent.state(), "another-nonce", sent.codeVerifier()).encode();
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        Callback back = browser.signIn(redirect, CALLBACK);
        assertThat(connector.handleCallback(new Callback(CALLBACK, back.parameters(), otherNonce)))
                .isInstanceOf(InvalidCredentials.class);
        assertThat(upstream.requestsTo("/token")).isEqualTo(1); // redeemed, then refused on the nonce
    }

    /**
     * Has the provider's answers carry ID tokens with {@code change} made to their claims, signed with the provider's
     * own key: a valid signature over claims the connector must still refuse. (mock-oauth2-server always sets aud
     * to the client id and nonce to the one sent, so it cannot be asked for these directly.)
     */
    private void providerSigns(java.util.function.Consumer<JWTClaimsSet.Builder> change) {
        alterIdToken(jwt -> {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(claimsOf(jwt));
            change.accept(claims);
            return resigned(claims.build(), upstream.currentKey());
        });
    }

    @Test
    void theAudienceMustBeTheClientAndAzpMustNameItWhenThereAreSeveral() {
        open(settings());
        providerSigns(claims -> claims.audience("another-client"));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token aud does not include the client id");

        providerSigns(claims -> claims.audience(List.of(CLIENT_ID, "another-client")).claim("azp", null));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token has several audiences but no azp");

        providerSigns(claims -> claims.audience(List.of(CLIENT_ID, "another-client")).claim("azp", CLIENT_ID));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertThat(signIn(connector)).isInstanceOf(Authenticated.class);

        providerSigns(claims -> claims.audience(CLIENT_ID).claim("azp", "another-client"));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token azp is not the client id");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        open(settings());
        providerSigns(claims -> claims.issuer("https://another-idp.example"));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token iss is not the upstream's issuer");
    }

    @Test
    void theSignatureIsCheckedBeforeTheClaims() {
        open(settings());
        providerSigns(claims -> claims.subject("someone-else")); // the provider's own key: accepted
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertThat(identity(signIn(connector)).subject()).isEqualTo("someone-else");
    }

    @Test
    void anAtHashThatDoesNotMatchTheAccessTokenIsRefused() {
        open(settings());
        Map<String, Object> claims = citizenClaims();
        claims.put("at_hash", "bm90IHRoZSBoYXNo");
        upstream.nextSignIn(SUBJECT, claims, List.of());
        assertRefused("ID token at_hash does not match the access token");
    }

    @Test
    void aRotatedSigningKeyIsFetchedOnceWhenAnIdTokenNamesIt() {
        open(settings());
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(signIn(connector));
        assertThat(upstream.requestsTo("/jwks")).isEqualTo(1);

        upstream.rotateSigningKey();
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(signIn(connector));
        assertThat(upstream.requestsTo("/jwks")).isEqualTo(2);

        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(signIn(connector));
        assertThat(upstream.requestsTo("/jwks")).isEqualTo(2); // kept
        assertThat(upstream.requestsTo("/.well-known/openid-configuration")).isEqualTo(1);
    }

    @Test
    void anIdTokenSignedWithAKeyTheUpstreamNeverPublishedIsRefusedAfterOneRefetch() throws Exception {
        open(settings());
        RSAKey rogue = new RSAKeyGenerator(2048).keyID(upstream.currentKey().getKeyID() + "-rogue").generate();
        alterIdToken(jwt -> resigned(claimsOf(jwt), rogue));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token is signed with a key the upstream does not publish");
        assertThat(upstream.requestsTo("/jwks")).isEqualTo(2);

        RSAKey sameKid = new RSAKeyGenerator(2048).keyID(upstream.currentKey().getKeyID()).generate();
        alterIdToken(jwt -> resigned(claimsOf(jwt), sameKid));
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertRefused("ID token signature (RS256) does not verify");
    }

    private static String resigned(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theIssuerInTheAuthorizationResponseIsCheckedAndRequiredWhenTheUpstreamPromisesIt() {
        open(settings());
        Redirect redirect = start(connector, "journey-state-1");
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        Callback back = browser.signIn(redirect, CALLBACK);
        Map<String, List<String>> otherIssuer = new HashMap<>(back.parameters());
        otherIssuer.put("iss", List.of("https://attacker.example"));
        assertThat(connector.handleCallback(new Callback(CALLBACK, otherIssuer, redirect.connectorState())))
                .isInstanceOf(InvalidCredentials.class);
        connector.close();

        upstream.alter("/.well-known/openid-configuration", document -> document.replaceFirst("\\{",
                "{\"authorization_response_iss_parameter_supported\":true,"));
        open(settings());
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of()); // mock-oauth2-server sends no iss
        assertRefused("iss is missing from the authorization response, though the upstream promises it");

        redirect = start(connector, "journey-state-1");
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        Map<String, List<String>> withIssuer = new HashMap<>(browser.signIn(redirect, CALLBACK).parameters());
        withIssuer.put("iss", List.of(upstream.issuer().toString()));
        assertThat(connector.handleCallback(new Callback(CALLBACK, withIssuer, redirect.connectorState())))
                .isInstanceOf(Authenticated.class);
    }

    @Test
    void clientSecretPostSendsTheSecretInTheForm() {
        Map<String, String> settings = settings();
        settings.put("client-authentication", "client_secret_post");
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(signIn(open(settings)));
        assertThat(Browser.query(URI.create("?" + upstream.lastRequestBody("/token"))))
                .containsEntry("client_id", List.of(CLIENT_ID)).containsEntry("client_secret", List.of(CLIENT_SECRET));
        assertThat(upstream.lastAuthorizationHeader("/token")).isEqualTo("null");
    }

    @Test
    void privateKeyJwtSendsAnAssertionSignedWithTheConfiguredKey() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("signet-2026").generate();
        Map<String, String> settings = settings();
        settings.remove("client-secret");
        settings.put("client-authentication", "private_key_jwt");
        settings.put("private-key", key.toJSONString());
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(signIn(open(settings)));

        Map<String, List<String>> form = Browser.query(URI.create("?" + upstream.lastRequestBody("/token")));
        assertThat(form).containsEntry("client_assertion_type",
                List.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")).doesNotContainKey("client_secret");
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion").get(0));
        assertThat(assertion.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("signet-2026");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT_ID);
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(upstream.issuer() + "/token");
    }

    @Test
    void anUnreachableUpstreamIsUnavailableWithinTheTimeLimit() {
        try (UnresponsiveServer blackHole = UnresponsiveServer.start()) {
            Map<String, String> settings = settings();
            settings.put("issuer", "http://127.0.0.1:" + blackHole.port() + "/department");
            settings.put("timeout", "3s");
            open(settings);
            RedirectStartOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> connector.start(new RedirectRequest(CALLBACK, "journey-state-1")));
            assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                    unavailable -> assertThat(unavailable.reason()).contains("discovery document"));
        }
    }

    @Test
    void aTokenEndpointThatNeverAnswersIsUnavailableWithinTheTimeLimit() {
        try (UnresponsiveServer blackHole = UnresponsiveServer.start()) {
            upstream.alter("/.well-known/openid-configuration", document -> document.replaceAll(
                    "\"token_endpoint\"\\s*:\\s*\"[^\"]+\"",
                    "\"token_endpoint\":\"http://127.0.0.1:" + blackHole.port() + "/token\""));
            Map<String, String> settings = settings();
            settings.put("timeout", "3s");
            open(settings);
            Redirect redirect = start(connector, "journey-state-1");
            Callback back = browser.signIn(redirect, CALLBACK);
            SignInOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> connector.handleCallback(back));
            assertThat(outcome).isInstanceOfSatisfying(Unavailable.class,
                    unavailable -> assertThat(unavailable.reason()).contains("token endpoint"));
        }
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerMakesTheUpstreamUnavailable() {
        upstream.alter("/.well-known/openid-configuration", document -> document.replaceAll(
                "\"issuer\"\\s*:\\s*\"[^\"]+\"", "\"issuer\":\"https://another-idp.example\""));
        assertThat(open(settings()).start(new RedirectRequest(CALLBACK, "journey-state-1")))
                .isInstanceOfSatisfying(Unavailable.class, unavailable -> assertThat(unavailable.reason())
                        .contains("names issuer 'https://another-idp.example', not the configured"));
    }

    @Test
    void whenARefreshFailsTheMetadataAndKeysAlreadyHeldAreUsed() {
        MutableClock clock = new MutableClock();
        ConnectorSettings resolved = new OidcType().schema().resolve("department-idp", OidcType.NAME,
                ConnectorSettings.of(settings()));
        connector = new OidcConnector(ConnectorInstance.of("department-idp", "Department account", "dept"),
                OidcSettings.from(resolved), clock);
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        identity(signIn(connector)); // discovery document and keys fetched

        clock.advance(Duration.ofHours(2)); // past metadata-refresh (1h)
        upstream.setClock(clock.instant());
        upstream.alter("/.well-known/openid-configuration", document -> "{}"); // the refreshes fail
        upstream.alter("/jwks", keys -> "not a key set");
        upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
        assertThat(identity(signIn(connector)).subject()).isEqualTo(SUBJECT);
        assertThat(upstream.requestsTo("/.well-known/openid-configuration")).isGreaterThan(1);
        assertThat(upstream.requestsTo("/jwks")).isGreaterThan(1);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aStoppedUpstreamIsUnavailableAndTheConnectorStillOpens() {
        Map<String, String> settings = settings();
        upstream.close();
        assertThat(open(settings).start(new RedirectRequest(CALLBACK, "journey-state-1")))
                .isInstanceOf(Unavailable.class);
        upstream = Upstream.start();
    }

    /**
     * Silences the test's own upstream, relay and browser (mock-oauth2-server logs the codes and tokens it issues; the
     * relay and browser log the URLs they visit), so that what remains is the connector and the libraries it uses.
     */
    private static void silenceTestFixtures() {
        for (String name : List.of("no.nav.security", "mockwebserver3", "okhttp3", "io.netty")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.OFF);
        }
        for (String name : List.of("com.sun.net.httpserver", "sun.net.www.protocol.http", "mockwebserver3",
                "okhttp3")) {
            java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.OFF);
        }
    }

    @Test
    void nothingSecretOrPersonalIsLogged() {
        try (LogCapture logs = LogCapture.start()) {
            silenceTestFixtures();
            open(settings());
            upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
            Redirect redirect = start(connector, "journey-state-1");
            Callback back = browser.signIn(redirect, CALLBACK);
            identity(connector.handleCallback(back));
            String code = back.parameter("code").orElseThrow();
            upstreamAnswers(Map.of("error", List.of("access_denied")));
            providerSigns(claims -> claims.audience("another-client"));
            upstream.nextSignIn(SUBJECT, citizenClaims(), List.of());
            assertThat(signIn(connector)).isInstanceOf(InvalidCredentials.class);

            String text = logs.text();
            assertThat(text).contains("department-idp", "jdk.internal.httpclient"); // the connector's HTTP, traced
            assertThat(text).doesNotContain(SUBJECT, EMAIL, "Rhiannon", "Evans", "+447700900123", CLIENT_SECRET,
                    code, "journey-state-1", URLDecoder.decode(Browser.query(redirect.location()).get("nonce").get(0),
                            StandardCharsets.UTF_8));
        }
    }
}
