package dev.signet.connector.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.RedirectConnector;
import dev.signet.connector.SettingProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcTypeTest {

    private static final String SECRET = "a-client-secret-of-forty-characters-xxxx";

    private final OidcType type = new OidcType();

    private static Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put("issuer", "https://idp.department.gov.uk/realms/citizens");
        settings.put("client-id", "signet");
        settings.put("client-secret", SECRET);
        return settings;
    }

    private List<String> failingSettings(Map<String, String> settings) {
        return type.validate(ConnectorSettings.of(settings)).stream().map(SettingProblem::setting).toList();
    }

    @Test
    void anIssuerAClientAndItsSecretAreEnough() {
        assertThat(type.validate(ConnectorSettings.of(minimal()))).isEmpty();
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        ConnectorTypes types = ConnectorTypes.discover(getClass().getClassLoader());
        assertThat(types.find("oidc")).get().isInstanceOf(OidcType.class);
    }

    @Test
    void opensARedirectConnectorWithoutReachingTheUpstream() {
        try (var connector = type.open(ConnectorInstance.of("department-idp", "Department account", "dept"),
                ConnectorSettings.of(minimal()))) {
            assertThat(connector.capability(RedirectConnector.class)).isPresent();
        }
    }

    @Test
    void theIssuerIsHttpsExceptOnLocalhost() {
        Map<String, String> settings = minimal();
        settings.put("issuer", "http://idp.department.gov.uk");
        assertThat(failingSettings(settings)).containsExactly("issuer");
        settings.put("issuer", "https://idp.department.gov.uk/?tenant=1");
        assertThat(failingSettings(settings)).containsExactly("issuer");
        settings.put("issuer", "not a url");
        assertThat(failingSettings(settings)).containsExactly("issuer");
        settings.put("issuer", "http://localhost:8180/realms/dev");
        assertThat(failingSettings(settings)).isEmpty();
    }

    @Test
    void eachClientAuthenticationNeedsItsOwnCredential() throws Exception {
        Map<String, String> settings = minimal();
        settings.remove("client-secret");
        assertThat(failingSettings(settings)).containsExactly("client-secret");
        settings.put("client-authentication", "client_secret_post");
        assertThat(failingSettings(settings)).containsExactly("client-secret");

        settings.put("client-authentication", "private_key_jwt");
        assertThat(failingSettings(settings)).containsExactly("private-key");
        settings.put("private-key", new RSAKeyGenerator(2048).keyID("signet-1").generate().toJSONString());
        assertThat(failingSettings(settings)).isEmpty();
        settings.put("private-key", new ECKeyGenerator(Curve.P_256).keyID("signet-2").generate().toJSONString());
        assertThat(failingSettings(settings)).isEmpty();
        settings.put("client-secret", SECRET);
        assertThat(failingSettings(settings)).isEmpty(); // a secret may stay configured while moving to keys
    }

    @Test
    void aPrivateKeyMustBePrivateNamedAndStrong() throws Exception {
        Map<String, String> settings = minimal();
        settings.put("client-authentication", "private_key_jwt");
        settings.put("private-key", new RSAKeyGenerator(2048).keyID("signet-1").generate().toPublicJWK()
                .toJSONString());
        assertThat(failingSettings(settings)).containsExactly("private-key");
        settings.put("private-key", new RSAKeyGenerator(2048).generate().toJSONString());
        assertThat(failingSettings(settings)).containsExactly("private-key");
        settings.put("private-key", "-----BEGIN PRIVATE KEY-----");
        assertThat(failingSettings(settings)).containsExactly("private-key");
    }

    @Test
    void aPrivateKeyIsOnlyForPrivateKeyJwt() throws Exception {
        Map<String, String> settings = minimal();
        settings.put("private-key", new RSAKeyGenerator(2048).keyID("signet-1").generate().toJSONString());
        assertThat(failingSettings(settings)).containsExactly("private-key");
    }

    @Test
    void scopesMustIncludeOpenid() {
        Map<String, String> settings = minimal();
        settings.put("scopes", "email profile");
        assertThat(failingSettings(settings)).containsExactly("scopes");
    }

    @Test
    void noneIsNeverAnAllowedAlgorithmAndHmacNeedsALongSecret() {
        Map<String, String> settings = minimal();
        settings.put("id-token-algorithms", "RS256 none");
        assertThat(failingSettings(settings)).containsExactly("id-token-algorithms");
        settings.put("id-token-algorithms", "RS256 HS256");
        assertThat(failingSettings(settings)).isEmpty();
        settings.put("client-secret", "short-secret");
        assertThat(failingSettings(settings)).containsExactly("id-token-algorithms");
        settings.put("id-token-algorithms", "ES384 PS512 RS512");
        assertThat(failingSettings(settings)).isEmpty();
    }

    @Test
    void claimNamesAreSingleWords() {
        Map<String, String> settings = minimal();
        settings.put("claims.email", "preferred username");
        settings.put("subject-claim", "o id");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("claims.email", "subject-claim");
    }

    @Test
    void limitsAreChecked() {
        Map<String, String> settings = minimal();
        settings.put("clock-skew", "10m");
        settings.put("timeout", "5m");
        settings.put("connect-timeout", "10ms");
        settings.put("metadata-refresh", "5s");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("clock-skew", "timeout", "connect-timeout",
                "metadata-refresh");
    }

    @Test
    void openingWithBadSettingsNamesTheConnectorAndEverySetting() {
        Map<String, String> settings = minimal();
        settings.put("client-authentication", "tls_client_auth");
        settings.put("scope", "openid");
        assertThatThrownBy(() -> ConnectorTypes.of(List.of(type)).open(new ConnectorDefinition(
                ConnectorInstance.of("department-idp", "Department account", "dept"), "oidc",
                ConnectorSettings.of(settings))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("Connector 'department-idp' (oidc): ")
                .hasMessageContaining("setting 'scope' is not a setting of this connector type")
                .hasMessageContaining("setting 'client-authentication' must be one of client_secret_basic, "
                        + "client_secret_post, private_key_jwt, not 'tls_client_auth'");
    }

    @Test
    void secretsNeverAppearInProblems() throws Exception {
        Map<String, String> settings = minimal();
        settings.put("client-secret", "short-secret-2026");
        settings.put("id-token-algorithms", "HS256");
        String key = new RSAKeyGenerator(2048).generate().toJSONString();
        settings.put("private-key", key);
        String problems = type.validate(ConnectorSettings.of(settings)).toString();
        assertThat(problems).contains("private-key", "id-token-algorithms")
                .doesNotContain("short-secret-2026", key.substring(key.indexOf("\"d\""), key.indexOf("\"d\"") + 30));
    }
}
