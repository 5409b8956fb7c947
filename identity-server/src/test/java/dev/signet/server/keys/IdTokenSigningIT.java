package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import dev.signet.server.testing.RedisServerIntegrationTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * ID tokens through the whole authorization code flow: ES256 by default, RS256 for a relying party that registered
 * it, each verifying against the published JWKS. The citizen's session is put in the Redis session store directly
 * (what the sign-in journey leaves there).
 */
class IdTokenSigningIT extends RedisServerIntegrationTest {

    private static final String SECRET = "keys-it-secret-" + UUID.randomUUID();
    private static final URI REDIRECT = URI.create("https://keys-it.test.example/callback");

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void idTokensAreEs256ByDefaultAndVerifyAgainstJwks() throws Exception {
        SignedJWT idToken = SignedJWT.parse(idTokenFor(client(IdTokenSigningAlgorithm.ES256)));

        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWK key = published(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new ECDSAVerifier((ECKey) key))).isTrue();
    }

    @Test
    void aRelyingPartyRegisteredForRs256GetsRs256IdTokensThatVerifyAgainstJwks() throws Exception {
        SignedJWT idToken = SignedJWT.parse(idTokenFor(client(IdTokenSigningAlgorithm.RS256)));

        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWK key = published(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new RSASSAVerifier((RSAKey) key))).isTrue();
    }

    private JWK published(String kid) throws Exception {
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        JWK key = JWKSet.parse(jwks.body()).getKeyByKeyId(kid);
        assertThat(key).as("key %s in JWKS", kid).isNotNull();
        return key;
    }

    private String client(IdTokenSigningAlgorithm algorithm) throws Exception {
        String clientId = "keys-it-" + UUID.randomUUID();
        relyingParties.save(new RelyingParty(clientId, "Keys test service", List.of(REDIRECT), List.of(),
                Optional.empty(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(),
                Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(SECRET.getBytes(StandardCharsets.UTF_8)))),
                "keys-it.test.example", SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"),
                Set.of(), List.of("Cl.Cm", "Cl"), algorithm, false, RelyingParty.Source.ADMIN));
        return clientId;
    }

    private String idTokenFor(String clientId) throws Exception {
        HttpResponse<String> authorize = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/oauth2/authorize?response_type=code&client_id=" + encode(clientId) + "&redirect_uri="
                + encode(REDIRECT.toString()) + "&scope=openid&state=s1&vtr=%5B%22Cl%22%5D&nonce="
                + UUID.randomUUID()))
                .header("Accept", "text/html").header("Cookie", "signet-session=" + signedInSession()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.statusCode()).as(authorize.headers().map().toString()).isEqualTo(302);
        String location = authorize.headers().firstValue("Location").orElseThrow();
        String code = query(URI.create(location).getRawQuery()).get("code");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (encode(clientId) + ":" + encode(SECRET)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                        + "&redirect_uri=" + encode(REDIRECT.toString())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return (String) JSONObjectUtils.parse(token.body()).get("id_token");
    }

    @SuppressWarnings("unchecked")
    private String signedInSession() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Account account = accounts.create(new Account(UUID.randomUUID(), "keys-" + UUID.randomUUID()
                + "@example.gov.uk", true, Optional.empty(), AccountStatus.ACTIVE, now, now));
        FindByIndexNameSessionRepository<Session> repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                new CitizenAuthentication(account.id(), now, CredentialTrustLevel.MEDIUM)));
        repository.save(session);
        return Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String query) {
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }
}
