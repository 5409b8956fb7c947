package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.UserKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Active Directory settings from docs/ldap-connector.md against a directory shaped like AD: sign-in by
 * sAMAccountName or userPrincipalName, the binary objectGUID as the subject, computer accounts left out.
 */
class ActiveDirectoryTest {

    /** Dafydd Morgan's objectGUID as AD tools write it; computed with Python from the bytes in the LDIF. */
    private static final String DAFYDD = "d4c3b2a1-f6e5-1807-293a-4b5c6d7e8f90";

    private static TestDirectory domain;

    @BeforeAll
    static void startDomain() {
        domain = TestDirectory.start("dc=corp,dc=example,dc=gov,dc=uk", "/active-directory.ldif", false, false);
    }

    @AfterAll
    static void stopDomain() {
        domain.close();
    }

    private static LdapConnector open(String loginFilter) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", domain.ldapUrl());
        settings.put("bind-dn", "cn=signet,ou=services,dc=corp,dc=example,dc=gov,dc=uk");
        settings.put("bind-password", "service-secret-2009");
        settings.put("base-dn", "dc=corp,dc=example,dc=gov,dc=uk");
        settings.put("login-filter", loginFilter);
        // AD itself is usually given (&(objectCategory=person)(objectClass=user)); the in-memory test directory does
        // not expand objectCategory's short form, so computers are excluded by class here.
        settings.put("user-filter", "(&(objectClass=user)(!(objectClass=computer)))");
        settings.put("subject-attribute", "objectGUID");
        settings.put("subject-encoding", "ms-guid");
        settings.put("attributes.email", "mail");
        settings.put("attributes.given_name", "givenName");
        settings.put("attributes.family_name", "sn");
        return (LdapConnector) new LdapType().open(ConnectorInstance.of("hr-portal", "HR portal account", "cabinet"),
                ConnectorSettings.of(settings));
    }

    private static SignInOutcome check(LdapConnector connector, String login, String password) {
        try (Password typed = Password.of(password)) {
            return connector.checkPassword(login, typed);
        }
    }

    @Test
    void signsInBySamAccountNameWithTheObjectGuidAsSubject() {
        try (LdapConnector connector = open(
                "(&(objectClass=user)(!(objectClass=computer))(sAMAccountName={login}))")) {
            LegacyIdentity identity = ((Authenticated) check(connector, "dmorgan", "Cymru-am-byth-1999")).identity();
            assertThat(identity.subject()).isEqualTo(DAFYDD);
            assertThat(identity.unverifiedAttributes()).containsEntry("email", "dafydd.morgan@example.gov.uk")
                    .containsEntry("family_name", "Morganstone");
            assertThat(check(connector, "dmorgan", "cymru-am-byth-1999")).isInstanceOf(InvalidCredentials.class);
            assertThat(check(connector, "WS-0042$", "machine-password-2009")).isInstanceOf(InvalidCredentials.class);
            assertThat(check(connector, "CORP\\dmorgan", "Cymru-am-byth-1999")).isInstanceOf(InvalidCredentials.class);
        }
    }

    @Test
    void signsInByUserPrincipalNameOrSamAccountName() {
        try (LdapConnector connector = open("(&(objectClass=user)(!(objectClass=computer))"
                + "(|(userPrincipalName={login})(sAMAccountName={login})))")) {
            assertThat(check(connector, "dafydd.morgan@corp.example.gov.uk", "Cymru-am-byth-1999"))
                    .isInstanceOf(Authenticated.class);
            assertThat(check(connector, "dmorgan", "Cymru-am-byth-1999")).isInstanceOf(Authenticated.class);
            assertThat(check(connector, "*@corp.example.gov.uk", "Cymru-am-byth-1999"))
                    .isInstanceOf(InvalidCredentials.class);
        }
    }

    @Test
    void looksUpByTheGuidTextAndListsWithoutComputers() {
        try (LdapConnector connector = open("(sAMAccountName={login})")) {
            assertFound(connector.lookUp(UserKey.subject(DAFYDD)), DAFYDD);
            assertFound(connector.lookUp(UserKey.subject(DAFYDD.toUpperCase())), DAFYDD);
            assertFound(connector.lookUp(UserKey.loginName("dmorgan")), DAFYDD);
            assertThat(connector.lookUp(UserKey.subject("3c2d1e0f-5a4b-7869-8796-a5b4c3d2e1f0")))
                    .as("the computer account is not a user").isInstanceOf(NotFound.class);
            assertThat(connector.lookUp(UserKey.subject("dmorgan"))).isInstanceOf(NotFound.class);
            Page page = (Page) connector.list(PageRequest.first(10));
            assertThat(page.identities()).extracting(LegacyIdentity::subject).containsExactly(DAFYDD);
            assertThat(page.next()).isEmpty();
        }
    }

    private static void assertFound(LookupOutcome outcome, String subject) {
        assertThat(outcome).isInstanceOf(Found.class);
        assertThat(((Found) outcome).identity().subject()).isEqualTo(subject);
    }
}
