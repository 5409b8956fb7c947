package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.connector.ConnectorDefinition;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorTypes;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.SettingProblem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LdapTypeTest {

    private final LdapType type = new LdapType();

    private static Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", "ldap://directory.council.internal");
        settings.put("base-dn", "ou=people,dc=council,dc=gov,dc=uk");
        settings.put("login-filter", "(uid={login})");
        return settings;
    }

    private List<String> failingSettings(Map<String, String> settings) {
        return type.validate(ConnectorSettings.of(settings)).stream().map(SettingProblem::setting).toList();
    }

    @Test
    void anAddressABaseAndALoginFilterAreEnough() {
        assertThat(type.validate(ConnectorSettings.of(minimal()))).isEmpty();
        Map<String, String> none = new HashMap<>();
        assertThat(failingSettings(none)).containsExactlyInAnyOrder("url", "base-dn", "login-filter");
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        ConnectorTypes types = ConnectorTypes.discover(getClass().getClassLoader());
        assertThat(types.find("ldap")).get().isInstanceOf(LdapType.class);
    }

    @Test
    void urlsAreLdapOrLdapsWithHostAndPortOnly() {
        Map<String, String> settings = minimal();
        settings.put("url", "ldaps://dc1.corp.example:636 ldaps://dc2.corp.example:636");
        assertThat(failingSettings(settings)).isEmpty();
        settings.put("url", "ldaps://dc1.corp.example ldap://dc2.corp.example");
        assertThat(failingSettings(settings)).containsExactly("url");
        settings.put("url", "ldap://directory/ou=people,dc=example?uid");
        assertThat(failingSettings(settings)).containsExactly("url");
        settings.put("url", "http://directory");
        assertThat(failingSettings(settings)).containsExactly("url");
        settings.put("url", "ldap://");
        assertThat(failingSettings(settings)).containsExactly("url");
    }

    @Test
    void startTlsIsForLdapUrlsAndTrustedCertificatesForTls(@TempDir Path folder) {
        Map<String, String> settings = minimal();
        settings.put("url", "ldaps://directory");
        settings.put("start-tls", "true");
        assertThat(failingSettings(settings)).containsExactly("start-tls");

        settings = minimal();
        settings.put("tls.trusted-certificates", TestCertificate.forHost("directory").pem());
        assertThat(failingSettings(settings)).containsExactly("tls.trusted-certificates");
        settings.put("start-tls", "true");
        assertThat(failingSettings(settings)).isEmpty();
        settings.put("tls.trusted-certificates-file", folder.resolve("ca.pem").toString());
        assertThat(failingSettings(settings)).containsExactly("tls.trusted-certificates");
        settings.remove("tls.trusted-certificates");
        assertThat(failingSettings(settings)).containsExactly("tls.trusted-certificates-file");
        settings.remove("tls.trusted-certificates-file");
        settings.put("tls.trusted-certificates", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n"
                + "-----END CERTIFICATE-----");
        assertThat(failingSettings(settings)).containsExactly("tls.trusted-certificates");
    }

    @Test
    void aBindDnNeedsAPasswordAndAPasswordABindDn() {
        Map<String, String> settings = minimal();
        settings.put("bind-dn", "cn=signet,ou=services,dc=council,dc=gov,dc=uk");
        assertThat(failingSettings(settings)).containsExactly("bind-password");
        settings.remove("bind-dn");
        settings.put("bind-password", "service-secret-2009");
        assertThat(failingSettings(settings)).containsExactly("bind-dn");
        assertThat(type.validate(ConnectorSettings.of(settings)).toString()).doesNotContain("service-secret-2009");
    }

    @Test
    void filtersAndDistinguishedNamesMustParse() {
        Map<String, String> settings = minimal();
        settings.put("login-filter", "(uid=someone)");
        settings.put("user-filter", "(objectClass=person");
        settings.put("base-dn", "not a dn");
        settings.put("bind-dn", "cn=signet,,dc=x");
        settings.put("bind-password", "x");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("login-filter", "user-filter", "base-dn",
                "bind-dn");
        settings.put("login-filter", "(uid={login}");
        assertThat(failingSettings(settings)).contains("login-filter");
    }

    @Test
    void attributeNamesAreLdapAttributeNamesAndVerifiedIsNotAlsoUnverified() {
        Map<String, String> settings = minimal();
        settings.put("attributes.email", "mail");
        settings.put("attributes.phone_number", "telephoneNumber;x-work");
        settings.put("verified-attributes.given_name", "2.5.4.42");
        assertThat(failingSettings(settings)).isEmpty();
        settings.put("attributes.family_name", "sn)(uid=*");
        settings.put("subject-attribute", "entry UUID");
        settings.put("verified-attributes.email", "mail");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("attributes.family_name",
                "subject-attribute", "verified-attributes.email");
    }

    @Test
    void objectGuidIsBinaryAndNeedsTheGuidEncoding() {
        Map<String, String> settings = minimal();
        settings.put("subject-attribute", "objectGUID");
        assertThat(failingSettings(settings)).containsExactly("subject-encoding");
        settings.put("subject-encoding", "ms-guid");
        assertThat(failingSettings(settings)).isEmpty();
    }

    @Test
    void theActiveDirectoryFiltersInTheDocumentationAreValid() {
        Map<String, String> settings = minimal();
        settings.put("url", "ldaps://dc1.corp.example.gov.uk:636 ldaps://dc2.corp.example.gov.uk:636");
        settings.put("login-filter", "(&(objectCategory=person)(objectClass=user)"
                + "(|(sAMAccountName={login})(userPrincipalName={login})))");
        settings.put("user-filter", "(&(objectCategory=person)(objectClass=user)"
                + "(!(userAccountControl:1.2.840.113556.1.4.803:=2)))");
        settings.put("subject-attribute", "objectGUID");
        settings.put("subject-encoding", "ms-guid");
        assertThat(failingSettings(settings)).isEmpty();
    }

    @Test
    void limitsAreChecked() {
        Map<String, String> settings = minimal();
        settings.put("connect-timeout", "10ms");
        settings.put("response-timeout", "2h");
        settings.put("max-connections", "0");
        settings.put("search-scope", "base");
        assertThat(failingSettings(settings)).containsExactlyInAnyOrder("connect-timeout", "response-timeout",
                "max-connections", "search-scope");
    }

    @Test
    void openingWithBadSettingsNamesTheConnectorAndEverySetting() {
        Map<String, String> settings = minimal();
        settings.put("login-filtre", "(uid={login})");
        settings.put("start-tls", "yes");
        assertThatThrownBy(() -> ConnectorTypes.of(List.of(type)).open(new ConnectorDefinition(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"), "ldap",
                ConnectorSettings.of(settings))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("Connector 'council-tax' (ldap): ")
                .hasMessageContaining("setting 'login-filtre' is not a setting of this connector type")
                .hasMessageContaining("setting 'start-tls' must be true or false, not 'yes'");
    }

    @Test
    void aConnectorOpensWhileItsDirectoryIsDown() {
        try (var connector = type.open(ConnectorInstance.of("council-tax", "Council tax account", "cardiff"),
                ConnectorSettings.of(minimal()))) {
            assertThat(connector.instance().id()).isEqualTo("council-tax");
        }
    }
}
