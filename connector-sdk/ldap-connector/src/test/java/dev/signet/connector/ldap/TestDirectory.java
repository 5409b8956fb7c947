package dev.signet.connector.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.TrustManager;

/**
 * A real LDAP server for tests: UnboundID's in-memory directory on random loopback ports, holding an LDIF file, with
 * a plain listener that offers StartTLS and an LDAPS listener, both presenting a certificate for {@code localhost}.
 */
final class TestDirectory implements AutoCloseable {

    final InMemoryDirectoryServer server;
    final TestCertificate certificate;

    private TestDirectory(InMemoryDirectoryServer server, TestCertificate certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    /**
     * Starts a directory under {@code baseDn} holding the LDIF resource {@code ldif}.
     *
     * @param schemaChecking  false for Active Directory's attributes (objectGUID, sAMAccountName), which the
     *                        standard schema lacks
     * @param anonymousSearch whether searching without binding is allowed; when not, a connection left
     *                        unauthenticated by a failed bind can no longer search, as in a real directory
     */
    static TestDirectory start(String baseDn, String ldif, boolean schemaChecking, boolean anonymousSearch) {
        try {
            TestCertificate certificate = TestCertificate.forHost("localhost");
            SSLUtil serverTls = new SSLUtil(certificate.keyManagers(), new TrustManager[] {new TrustAllTrustManager()});
            SSLUtil clientTls = new SSLUtil(new TrustAllTrustManager());
            InetAddress loopback = InetAddress.getLoopbackAddress();
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0,
                            serverTls.createSSLSocketFactory()),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
                            serverTls.createSSLServerSocketFactory(), clientTls.createSSLSocketFactory()));
            config.addAdditionalBindCredentials("cn=signet,ou=services," + baseDn, "service-secret-2009");
            if (!anonymousSearch) {
                config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH);
            }
            if (!schemaChecking) {
                config.setSchema(null);
            }
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (InputStream in = TestDirectory.class.getResourceAsStream(ldif)) {
                server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(in));
            }
            server.startListening();
            return new TestDirectory(server, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test directory", e);
        }
    }

    /** {@code ldap://localhost:<port>}. */
    String ldapUrl() {
        return "ldap://localhost:" + server.getListenPort("ldap");
    }

    /** {@code ldaps://localhost:<port>}. */
    String ldapsUrl() {
        return "ldaps://localhost:" + server.getListenPort("ldaps");
    }

    int ldapsPort() {
        return server.getListenPort("ldaps");
    }

    int ldapPort() {
        return server.getListenPort("ldap");
    }

    /** Settings for an OpenLDAP-style directory under {@code dc=example,dc=org}, searched by the service account. */
    static Map<String, String> openLdapSettings(String url) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", url);
        settings.put("bind-dn", "cn=signet,ou=services,dc=example,dc=org");
        settings.put("bind-password", "service-secret-2009");
        settings.put("base-dn", "ou=people,dc=example,dc=org");
        settings.put("login-filter", "(&(objectClass=inetOrgPerson)(uid={login}))");
        settings.put("user-filter", "(objectClass=inetOrgPerson)");
        settings.put("subject-attribute", "entryUUID");
        settings.put("attributes.email", "mail");
        settings.put("attributes.given_name", "givenName");
        settings.put("attributes.family_name", "sn");
        settings.put("attributes.phone_number", "telephoneNumber");
        settings.put("connect-timeout", "1s");
        settings.put("response-timeout", "1s");
        return settings;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
