package dev.signet.connector.ldap;

import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.testkit.KnownUser;
import dev.signet.connector.testkit.LogCapture;
import dev.signet.connector.testkit.PasswordConnectorConformance;
import dev.signet.connector.testkit.UnresponsiveServer;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The LDAP connector passes the connector conformance kit against a real LDAP server. */
class LdapConformanceTest extends PasswordConnectorConformance {

    private static TestDirectory directory;
    private static UnresponsiveServer blackHole;

    @BeforeAll
    static void startDirectory() {
        directory = TestDirectory.start("dc=example,dc=org", "/people.ldif", true, false);
        blackHole = UnresponsiveServer.start();
    }

    @AfterAll
    static void stopDirectory() {
        blackHole.close();
        directory.close();
    }

    private static PasswordConnector open(String url) {
        return (PasswordConnector) new LdapType().open(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"),
                ConnectorSettings.of(TestDirectory.openLdapSettings(url)));
    }

    @Override
    protected PasswordConnector openConnector() {
        return open(directory.ldapUrl());
    }

    @Override
    protected PasswordConnector openUnreachableConnector() {
        return open("ldap://127.0.0.1:" + blackHole.port());
    }

    /** The UnboundID SDK logs nothing unless its own debugging is switched on, so the check holds at TRACE too. */
    @Override
    protected LogCapture.Detail logDetail() {
        return LogCapture.Detail.TRACE;
    }

    @Override
    protected KnownUser knownUser() {
        return new KnownUser("margaret.hughes", "Tr0ub4dor&3", entryUuidOf("uid=margaret.hughes"),
                Set.of("margaret.hughes@example.org", "Margaret", "Hughesington", "+44 29 2018 0001"));
    }

    private static String entryUuidOf(String rdn) {
        try {
            return directory.server.getEntry(rdn + ",ou=people,dc=example,dc=org", "entryUUID")
                    .getAttributeValue("entryUUID");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
