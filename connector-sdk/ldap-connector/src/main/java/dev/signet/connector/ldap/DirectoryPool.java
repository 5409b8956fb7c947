package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.util.ssl.SSLUtil;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the connection pool of an LDAP connector: its servers tried in order, TLS (LDAPS or StartTLS) with the
 * configured trust and host name verification ({@link VerifyingTlsSocketFactory}), the service account's bind, and bounded connect and response times.
 */
final class DirectoryPool {

    private DirectoryPool() {
    }

    /**
     * A pool that connects lazily: it opens with no connection, so a connector opens while its directory is down.
     */
    static LDAPConnectionPool open(String poolName, LdapSettings settings) throws LDAPException,
            GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        options.setBindWithDNRequiresPassword(true); // never an unauthenticated bind (RFC 4513 5.1.2)
        options.setFollowReferrals(false); // a referral would send the service account's password elsewhere

        SocketFactory socketFactory = null;
        PostConnectProcessor startTls = null;
        if (settings.ldaps() || settings.startTls()) {
            SSLSocketFactory tls = new VerifyingTlsSocketFactory(
                    new SSLUtil(trustManagers(settings)).createSSLContext().getSocketFactory(),
                    millis(settings.connectTimeout().toMillis()));
            if (settings.ldaps()) {
                socketFactory = tls;
            } else {
                startTls = new BoundedStartTls(tls, settings.responseTimeout().toMillis());
            }
        }
        String[] hosts = settings.servers().stream().map(LDAPURL::getHost).toArray(String[]::new);
        int[] ports = settings.servers().stream().mapToInt(LDAPURL::getPort).toArray();
        FailoverServerSet servers = socketFactory == null ? new FailoverServerSet(hosts, ports, options)
                : new FailoverServerSet(hosts, ports, socketFactory, options);

        BindRequest serviceAccount = settings.bindDn().map(dn -> (BindRequest) new SimpleBindRequest(dn,
                settings.bindPassword().orElseThrow().getBytes(StandardCharsets.UTF_8))).orElse(null);
        LDAPConnectionPool pool = new LDAPConnectionPool(servers, serviceAccount, 0, settings.maxConnections(),
                startTls, false);
        pool.setConnectionPoolName(poolName);
        // Wait for a free connection no longer than for a new one; then a new one is made.
        pool.setMaxWaitTimeMillis(settings.connectTimeout().toMillis());
        pool.setCreateIfNecessary(true);
        // A connection the directory closed while idle (a restart, an idle timeout) is replaced and the operation
        // retried once, instead of failing a citizen's sign-in.
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH, OperationType.BIND));
        return pool;
    }

    private static TrustManager[] trustManagers(LdapSettings settings) throws GeneralSecurityException {
        if (settings.trustedCertificatesPem().isPresent()) {
            return TrustedCertificates.fromPem(settings.trustedCertificatesPem().get());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((java.security.KeyStore) null); // the JVM's default trust store
        return factory.getTrustManagers();
    }

    private static int millis(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
