package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.Password;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A connector opens while its directory is down, and its pool recovers when the directory comes back. */
class DirectoryRestartTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static SignInOutcome signIn(LdapConnector connector) {
        try (Password password = Password.of("Tr0ub4dor&3")) {
            return connector.checkPassword("margaret.hughes", password);
        }
    }

    @Test
    void theConnectorFollowsItsDirectoryDownAndUpAgain() throws Exception {
        int port = freePort();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=org");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                port, null));
        config.addAdditionalBindCredentials("cn=signet,ou=services,dc=example,dc=org", "service-secret-2009");
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (InputStream in = getClass().getResourceAsStream("/people.ldif")) {
            server.importFromLDIF(true, new LDIFReader(in));
        }
        try (LdapConnector connector = (LdapConnector) new LdapType().open(
                ConnectorInstance.of("council-tax", "Council tax account", "cardiff"),
                ConnectorSettings.of(TestDirectory.openLdapSettings("ldap://localhost:" + port)))) {
            assertThat(signIn(connector)).as("not listening yet").isInstanceOf(Unavailable.class);

            server.startListening();
            assertThat(signIn(connector)).isInstanceOf(Authenticated.class);

            server.shutDown(true); // stops listening and closes every connection; the data stays
            assertThat(signIn(connector)).as("stopped").isInstanceOf(Unavailable.class);

            server.startListening();
            assertThat(signIn(connector)).as("pooled connections replaced").isInstanceOf(Authenticated.class);
        } finally {
            server.shutDown(true);
        }
    }
}
