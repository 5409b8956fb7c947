package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class RelyingPartyFileLoaderTest {

    private final RelyingPartyFileLoader loader = new RelyingPartyFileLoader();

    private static ByteArrayResource file(String yaml) {
        return new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "broken-clients.yml");
    }

    private String problemsOf(String yaml) {
        return assertThatThrownBy(() -> loader.load(file(yaml)))
                .isInstanceOf(RelyingPartyFileException.class)
                .actual().getMessage();
    }

    @Test
    void shippedDemoFileIsValid() {
        List<RelyingParty> demo = loader.load(new ClassPathResource("signet/relying-parties.yml"));

        assertThat(demo).extracting(RelyingParty::clientId).containsExactly("demo-public", "demo-confidential");
        assertThat(demo.get(0).pkceRequired()).isTrue();
        assertThat(demo.get(1).authMethod()).isEqualTo(TokenEndpointAuthMethod.PRIVATE_KEY_JWT);
        assertThat(demo.get(1).jwks()).hasValueSatisfying(jwks -> assertThat(jwks).contains("demo-confidential-1")
                .doesNotContain("\"d\""));
    }

    @Test
    void defaultsArePairwiseEs256OpenidAndBothVectors() {
        List<RelyingParty> parsed = loader.load(file("""
                relying-parties:
                  - client-id: minimal
                    name: Minimal
                    token-endpoint-auth-method: client_secret_basic
                    client-secret-sha256: AFBB9B6C7C26D7B5CE487D7EED36223352F315EADC14E39BDD30FE08FB7C8555
                    redirect-uris: [https://rp.example/callback]
                """));

        RelyingParty rp = parsed.get(0);
        assertThat(rp.subjectType()).isEqualTo(SubjectType.PAIRWISE);
        assertThat(rp.idTokenSigningAlgorithm()).isEqualTo(IdTokenSigningAlgorithm.ES256);
        assertThat(rp.scopes()).containsExactly("openid");
        assertThat(rp.allowedVtr()).containsExactly("Cl.Cm", "Cl");
        assertThat(rp.sectorIdentifier()).isEqualTo("rp.example");
        assertThat(rp.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token");
        assertThat(rp.clientSecretSha256()).contains(
                "afbb9b6c7c26d7b5ce487d7eed36223352f315eadc14e39bdd30fe08fb7c8555");
        assertThat(rp.redirectUris()).containsExactly(URI.create("https://rp.example/callback"));
    }

    @Test
    void aServiceRequiringClCmMayByDefaultAskForClCmOnly() {
        RelyingParty rp = loader.load(file("""
                relying-parties:
                  - client-id: strict
                    name: Strict
                    token-endpoint-auth-method: none
                    redirect-uris: [https://rp.example/callback]
                    requires-vtr: Cl.Cm
                """)).get(0);

        assertThat(rp.requiredVtr()).contains("Cl.Cm");
        assertThat(rp.allowedVtr()).containsExactly("Cl.Cm");
        assertThat(rp.requiresSecondFactor()).isTrue();
    }

    @Test
    void aRequiredVectorWeakerVectorsWouldUndermineIsRefused() {
        String message = problemsOf("""
                relying-parties:
                  - client-id: contradictory
                    name: Contradictory
                    token-endpoint-auth-method: none
                    redirect-uris: [https://rp.example/callback]
                    requires-vtr: Cl.Cm
                    allowed-vtr: [Cl.Cm, Cl]
                  - client-id: malformed
                    name: Malformed
                    token-endpoint-auth-method: none
                    redirect-uris: [https://other.example/callback]
                    requires-vtr: cl.cm
                """);

        assertThat(message).contains("client 'contradictory', field 'requires-vtr': the service requires Cl.Cm but "
                + "allowed-vtr lets it ask for Cl").contains("client 'malformed', field 'requires-vtr': 'cl.cm' is "
                + "not a vector of trust");
    }

    @Test
    void brokenRedirectUrisAreNamedWithFileClientAndField() {
        String message = problemsOf("""
                relying-parties:
                  - client-id: dept-tax
                    name: Tax
                    token-endpoint-auth-method: none
                    redirect-uris:
                      - /relative/callback
                      - http://tax.example/callback
                      - https://tax.example/callback#fragment
                      - http://localhost:3000/callback
                """);

        assertThat(message).contains("broken-clients.yml").contains("signet.clients.file")
                .contains("client 'dept-tax', field 'redirect-uris': '/relative/callback' must be an absolute URI")
                .contains("client 'dept-tax', field 'redirect-uris': 'http://tax.example/callback' uses http on a "
                        + "host that is not loopback")
                .contains("client 'dept-tax', field 'redirect-uris': 'https://tax.example/callback#fragment' must "
                        + "not contain a fragment")
                .contains("client 'dept-tax', field 'redirect-uris': 'http://localhost:3000/callback' uses localhost");
    }

    @Test
    void loopbackHttpAndPrivateUseSchemesAreAccepted() {
        List<RelyingParty> parsed = loader.load(file("""
                relying-parties:
                  - client-id: native
                    name: Native app
                    token-endpoint-auth-method: none
                    sector-identifier: native.example
                    redirect-uris: [http://127.0.0.1:8400/cb, "http://[::1]/cb", com.example.app:/cb]
                """));

        assertThat(parsed.get(0).redirectUris()).hasSize(3);
    }

    @Test
    void anEventsEndpointAndADepartmentAreReadAndAnEventsEndpointOverPlainHttpIsRefused() {
        List<RelyingParty> parsed = loader.load(file("""
                relying-parties:
                  - client-id: dept-events
                    name: Events
                    token-endpoint-auth-method: none
                    redirect-uris: [https://events.example/cb]
                    events-uri: https://events.example/security-events
                    department: dvla
                  - client-id: dept-loopback
                    name: Loopback
                    token-endpoint-auth-method: none
                    redirect-uris: [https://loopback.example/cb]
                    events-uri: http://127.0.0.1:8500/security-events
                """));

        assertThat(parsed.get(0).eventsUri()).contains(URI.create("https://events.example/security-events"));
        assertThat(parsed.get(0).department()).contains("dvla");
        assertThat(parsed.get(1).eventsUri()).contains(URI.create("http://127.0.0.1:8500/security-events"));
        assertThat(parsed.get(1).department()).isEmpty();
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: dept-a
                    name: A
                    token-endpoint-auth-method: none
                    redirect-uris: [https://a.example/cb]
                    events-uri: http://a.example/events#x
                    department: ""
                """)).contains("client 'dept-a', field 'events-uri': 'http://a.example/events#x' must not contain a "
                + "fragment").contains("client 'dept-a', field 'department': must be a non-empty text value");
    }

    @Test
    void unknownAuthMethodIsRefused() {
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: dept-a
                    name: A
                    token-endpoint-auth-method: client_secret_jwt
                    redirect-uris: [https://a.example/cb]
                """)).contains("client 'dept-a', field 'token-endpoint-auth-method': 'client_secret_jwt' is not one "
                + "of private_key_jwt, client_secret_basic, client_secret_post, none");
    }

    @Test
    void privateKeyJwtWithoutKeyIsRefused() {
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: dept-b
                    name: B
                    token-endpoint-auth-method: private_key_jwt
                    redirect-uris: [https://b.example/cb]
                """)).contains("client 'dept-b', field 'jwks': private_key_jwt needs the client's public key");
    }

    @Test
    void privateKeyMaterialInJwksIsRefused() {
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: dept-c
                    name: C
                    token-endpoint-auth-method: private_key_jwt
                    redirect-uris: [https://c.example/cb]
                    jwks: '{"kty":"EC","d":"RLIXCdjKjf3NSRZqiquAKiGo45wn6hXmrpvQno6-vAA","crv":"P-256","kid":"k","x":"SjSjgiBiDzyjb2E6WOosdnc-bej4Ei0h2cPDaWKrOpY","y":"9jutpqBijOzAUzAuLhUdlH_XfqetbAttgEWW51uIH4M"}'
                """)).contains("client 'dept-c', field 'jwks': key 'k' contains private key material");
    }

    @Test
    void secretMethodNeedsAHexSha256() {
        String message = problemsOf("""
                relying-parties:
                  - client-id: dept-d
                    name: D
                    token-endpoint-auth-method: client_secret_basic
                    redirect-uris: [https://d.example/cb]
                  - client-id: dept-e
                    name: E
                    token-endpoint-auth-method: client_secret_post
                    client-secret-sha256: not-a-hash
                    redirect-uris: [https://e.example/cb]
                """);

        assertThat(message).contains("client 'dept-d', field 'client-secret-sha256': client_secret_basic needs")
                .contains("client 'dept-e', field 'client-secret-sha256': must be the 64 hexadecimal digits");
    }

    @Test
    void typosDuplicatesAndBadValuesAreAllReported() {
        String message = problemsOf("""
                relying-parties:
                  - client-id: dup
                    name: One
                    token-endpoint-auth-method: none
                    redirect-uris: [https://one.example/cb]
                    redirect-uri: https://typo.example/cb
                  - client-id: dup
                    name: Two
                    token-endpoint-auth-method: none
                    redirect-uris: [https://two.example/cb]
                    subject-type: secret
                    id-token-signing-alg: HS256
                    allowed-vtr: ["cl.cm"]
                    grant-types: [implicit]
                  - name: No id
                    token-endpoint-auth-method: none
                    redirect-uris: [https://three.example/cb]
                """);

        assertThat(message)
                .contains("client 'dup', field 'redirect-uri': is not a known field")
                .contains("client 'dup', field 'subject-type': 'secret' is not one of pairwise, public")
                .contains("client 'dup', field 'id-token-signing-alg': 'HS256' is not one of ES256, RS256")
                .contains("client 'dup', field 'allowed-vtr': 'cl.cm' is not a vector of trust")
                .contains("client 'dup', field 'grant-types': 'implicit' is not supported")
                .contains("entry 3, field 'client-id': is required");
    }

    @Test
    void duplicateClientIdIsRefused() {
        assertThat(problemsOf("""
                relying-parties:
                  - {client-id: same, name: A, token-endpoint-auth-method: none, redirect-uris: [https://a.example/cb]}
                  - {client-id: same, name: B, token-endpoint-auth-method: none, redirect-uris: [https://b.example/cb]}
                """)).contains("client 'same', field 'client-id': declared more than once");
    }

    @Test
    void redirectUrisOnDifferentHostsNeedASectorIdentifier() {
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: two-hosts
                    name: Two hosts
                    token-endpoint-auth-method: none
                    redirect-uris: [https://a.example/cb, https://b.example/cb]
                """)).contains("client 'two-hosts', field 'sector-identifier': is required when the redirect URIs "
                + "have different hosts");
    }

    @Test
    void fileWithoutTheTopLevelListIsRefused() {
        assertThat(problemsOf("clients: []\n")).contains("must have a top-level list 'relying-parties'");
    }

    @Test
    void publicClientCannotUseClientCredentials() {
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: spa
                    name: SPA
                    token-endpoint-auth-method: none
                    redirect-uris: [https://spa.example/cb]
                    grant-types: [client_credentials]
                """)).contains("client 'spa', field 'grant-types': client_credentials needs a confidential client");
    }

    @Test
    void aDepartmentsServiceMayAskForItsLegacySubjects() {
        List<RelyingParty> parsed = loader.load(file("""
                relying-parties:
                  - client-id: vehicle-tax-service
                    name: Vehicle tax
                    token-endpoint-auth-method: none
                    redirect-uris: [https://tax.example/cb]
                    department: dvla
                    scopes: [openid, legacy_subjects]
                  - client-id: no-department
                    name: Nobody's
                    token-endpoint-auth-method: none
                    redirect-uris: [https://nobody.example/cb]
                """));

        assertThat(parsed.get(0).department()).contains("dvla");
        assertThat(parsed.get(0).scopes()).contains("legacy_subjects");
        assertThat(parsed.get(1).department()).isEmpty();
    }

    @Test
    void legacySubjectsNeedADepartmentWrittenAsConnectorsWriteIt() {
        assertThat(problemsOf("""
                relying-parties:
                  - client-id: orphan
                    name: Orphan
                    token-endpoint-auth-method: none
                    redirect-uris: [https://orphan.example/cb]
                    scopes: [openid, legacy_subjects]
                  - client-id: shouting
                    name: Shouting
                    token-endpoint-auth-method: none
                    redirect-uris: [https://shouting.example/cb]
                    department: DVLA
                """)).contains("client 'orphan', field 'scopes': legacy_subjects needs the department that owns the "
                + "service: set department")
                .contains("client 'shouting', field 'department': 'DVLA' is not a department identifier");
    }
}
