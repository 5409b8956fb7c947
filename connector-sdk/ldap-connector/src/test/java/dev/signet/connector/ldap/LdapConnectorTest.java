package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import dev.signet.connector.testkit.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search then bind, attribute mapping and listing, against a real LDAP server. */
class LdapConnectorTest {

    private static TestDirectory directory;
    private final List<Connector> opened = new ArrayList<>();

    @BeforeAll
    static void startDirectory() {
        directory = TestDirectory.start("dc=example,dc=org", "/people.ldif", true, false);
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @AfterEach
    void closeConnectors() {
        opened.forEach(Connector::close);
    }

    private LdapConnector open(Consumer<Map<String, String>> changes) {
        Map<String, String> settings = TestDirectory.openLdapSettings(directory.ldapUrl());
        changes.accept(settings);
        LdapConnector connector = (LdapConnector) new LdapType().open(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"), ConnectorSettings.of(settings));
        opened.add(connector);
        return connector;
    }

    private static SignInOutcome check(LdapConnector connector, String loginName, String password) {
        try (Password typed = Password.of(password)) {
            return connector.checkPassword(loginName, typed);
        }
    }

    private static String entryUuid(String uid) throws Exception {
        return directory.server.getEntry("uid=" + uid + ",ou=people,dc=example,dc=org", "entryUUID")
                .getAttributeValue("entryUUID");
    }

    @Test
    void mappedAttributesAreUnverifiedUnlessConfiguredVerified() throws Exception {
        SignInOutcome outcome = check(open(settings -> { }), "margaret.hughes", "Tr0ub4dor&3");
        LegacyIdentity identity = ((Authenticated) outcome).identity();
        assertThat(identity.connectorId()).isEqualTo("council-tax");
        assertThat(identity.subject()).isEqualTo(entryUuid("margaret.hughes"));
        assertThat(identity.verifiedAttributes()).isEmpty();
        assertThat(identity.unverifiedAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "email", "margaret.hughes@example.org", "given_name", "Margaret", "family_name", "Hughesington",
                "phone_number", "+44 29 2018 0001"));

        LdapConnector vouching = open(settings -> {
            settings.remove("attributes.email");
            settings.put("verified-attributes.email", "mail");
        });
        LegacyIdentity verified = ((Authenticated) check(vouching, "margaret.hughes", "Tr0ub4dor&3")).identity();
        assertThat(verified.verifiedAttributes()).containsExactly(Map.entry("email", "margaret.hughes@example.org"));
        assertThat(verified.unverifiedAttributes()).doesNotContainKey("email").containsKey("given_name");
    }

    @Test
    void anAttributeTheEntryLacksIsLeftOut() {
        LegacyIdentity identity = ((Authenticated) check(open(settings -> { }), "owen.price",
                "correct horse battery staple")).identity();
        assertThat(identity.unverifiedAttributes()).containsOnlyKeys("email", "given_name", "family_name");
    }

    @Test
    void theSubjectAttributeIsConfigurable() {
        LdapConnector byUid = open(settings -> settings.put("subject-attribute", "uid"));
        assertThat(((Authenticated) check(byUid, "owen.price", "correct horse battery staple")).identity().subject())
                .isEqualTo("owen.price");
        assertThat(byUid.lookUp(UserKey.subject("owen.price"))).isInstanceOf(Found.class);
        assertThat(byUid.lookUp(UserKey.subject("owen.*"))).isInstanceOf(NotFound.class);
    }

    @Test
    void aLoginNameIsMatchedLiterallyNeverAsAPattern() throws Exception {
        LdapConnector connector = open(settings -> { });
        // An entry really named "*)(uid=*" signs in as itself, and only as itself.
        SignInOutcome literal = check(connector, "*)(uid=*", "star-password-2009");
        assertThat(((Authenticated) literal).identity().subject()).isEqualTo(entryUuid("*)(uid=*"));
        assertThat(check(connector, "*", "star-password-2009")).isInstanceOf(InvalidCredentials.class);
        assertThat(check(connector, "margaret.hughe*", "Tr0ub4dor&3")).isInstanceOf(InvalidCredentials.class);
        assertThat(check(connector, "margaret.hughes\0", "Tr0ub4dor&3")).isInstanceOf(InvalidCredentials.class);
        assertThat(check(connector, "margaret.hughes)(uid=*", "Tr0ub4dor&3")).isInstanceOf(InvalidCredentials.class);
        assertThat(check(connector, "\\6dargaret.hughes", "Tr0ub4dor&3")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void aLoginNameMatchingTwoEntriesIsRefusedAndLoggedWithoutPersonalData() {
        LdapConnector connector = open(settings -> { });
        try (LogCapture logs = LogCapture.start()) {
            assertThat(check(connector, "rhys.evans", "twin-password-2009")).isInstanceOf(InvalidCredentials.class);
            assertThat(connector.lookUp(UserKey.loginName("rhys.evans"))).isInstanceOf(NotFound.class);
            assertThat(logs.text()).contains("Connector council-tax: a login name matches more than one directory "
                    + "entry").doesNotContain("rhys", "Rhys", "twin-password-2009");
        }
    }

    @Test
    void anEntryWithoutTheSubjectAttributeIsAConfigurationProblemOnlyOnceThePasswordIsRight() {
        // Only Margaret has a telephoneNumber: as the subject attribute, every other entry lacks it.
        LdapConnector connector = open(settings -> {
            settings.put("subject-attribute", "telephoneNumber");
            settings.remove("attributes.phone_number");
        });
        assertThat(check(connector, "owen.price", "wrong")).isInstanceOf(InvalidCredentials.class);
        SignInOutcome right = check(connector, "owen.price", "correct horse battery staple");
        assertThat(right).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) right).reason()).contains("telephoneNumber");
        assertThat(check(connector, "margaret.hughes", "Tr0ub4dor&3")).isInstanceOf(Authenticated.class);
        try (LogCapture logs = LogCapture.start()) {
            Page all = (Page) connector.list(PageRequest.first(100));
            assertThat(all.identities()).extracting(LegacyIdentity::subject).containsExactly("+44 29 2018 0001");
            assertThat(logs.text()).contains("5 listed entries have no telephoneNumber and were left out");
        }
    }

    @Test
    void anEntryWithoutAPasswordCannotSignIn() {
        LdapConnector connector = open(settings -> { });
        assertThat(check(connector, "no.password", "anything-at-all")).isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void theServiceAccountsWrongPasswordMakesTheDirectoryUnavailableNotTheCitizenWrong() {
        LdapConnector connector = open(settings -> settings.put("bind-password", "not-the-service-password"));
        SignInOutcome outcome = check(connector, "margaret.hughes", "Tr0ub4dor&3");
        assertThat(outcome).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) outcome).reason()).contains("invalid credentials")
                .doesNotContain("not-the-service-password");
    }

    @Test
    void withoutABindDnTheSearchIsAnonymous() {
        try (TestDirectory open = TestDirectory.start("dc=example,dc=org", "/people.ldif", true, true)) {
            Map<String, String> settings = TestDirectory.openLdapSettings(open.ldapUrl());
            settings.remove("bind-dn");
            settings.remove("bind-password");
            try (Connector connector = new LdapType().open(ConnectorInstance.of("council-tax", "Council tax", "cardiff"),
                    ConnectorSettings.of(settings))) {
                assertThat(check((LdapConnector) connector, "owen.price", "correct horse battery staple"))
                        .isInstanceOf(Authenticated.class);
                assertThat(check((LdapConnector) connector, "owen.price", "wrong")).isInstanceOf(
                        InvalidCredentials.class);
                // A failed bind must not leave the pooled connection unable to search for the next citizen.
                assertThat(check((LdapConnector) connector, "margaret.hughes", "Tr0ub4dor&3"))
                        .isInstanceOf(Authenticated.class);
            }
        }
        // The directory this class uses refuses anonymous searches.
        LdapConnector anonymous = open(settings -> {
            settings.remove("bind-dn");
            settings.remove("bind-password");
        });
        assertThat(check(anonymous, "owen.price", "correct horse battery staple")).isInstanceOf(Unavailable.class);
    }

    @Test
    void aFailedBindLeavesThePooledConnectionSearchingAsTheServiceAccount() {
        LdapConnector connector = open(settings -> settings.put("max-connections", "1"));
        for (int i = 0; i < 5; i++) {
            assertThat(check(connector, "owen.price", "wrong-" + i)).isInstanceOf(InvalidCredentials.class);
            assertThat(check(connector, "owen.price", "correct horse battery staple"))
                    .isInstanceOf(Authenticated.class);
        }
    }

    @Test
    void listingPagesThroughEveryUserWithTheSubjectsOfSignIn() throws Exception {
        LdapConnector connector = open(settings -> { });
        List<String> subjects = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(2));
        while (request.isPresent()) {
            Page page = (Page) connector.list(request.get());
            page.identities().forEach(identity -> subjects.add(identity.subject()));
            request = page.next();
        }
        assertThat(subjects).containsExactlyInAnyOrder(entryUuid("margaret.hughes"), entryUuid("owen.price"),
                entryUuid("*)(uid=*"), entryUuid("no.password"),
                directory.server.getEntry("cn=Rhys Evans 1,ou=people,dc=example,dc=org", "entryUUID")
                        .getAttributeValue("entryUUID"),
                directory.server.getEntry("cn=Rhys Evans 2,ou=people,dc=example,dc=org", "entryUUID")
                        .getAttributeValue("entryUUID"));
    }

    @Test
    void aListingCursorWorksOnceAndOnlyForItsOwnListing() {
        LdapConnector connector = open(settings -> { });
        Page first = (Page) connector.list(PageRequest.first(2));
        PageRequest second = first.next().orElseThrow();
        assertThat(connector.list(second)).isInstanceOf(Page.class);
        ListingOutcome again = connector.list(second);
        assertThat(again).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) again).reason()).contains("start the listing again");
        assertThat(connector.list(new PageRequest(Optional.of("forged:1"), 2))).isInstanceOf(Unavailable.class);
        assertThat(connector.list(new PageRequest(Optional.of("no separator"), 2))).isInstanceOf(Unavailable.class);
    }

    @Test
    void aClosedConnectorAnswersUnavailable() {
        LdapConnector connector = open(settings -> { });
        assertThat(check(connector, "owen.price", "correct horse battery staple")).isInstanceOf(Authenticated.class);
        connector.close();
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThat(check(connector, "owen.price",
                "correct horse battery staple")).isInstanceOf(Unavailable.class));
    }
}
