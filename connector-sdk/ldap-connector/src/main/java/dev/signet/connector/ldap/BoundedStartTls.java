package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPExtendedOperationException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import javax.net.ssl.SSLSocketFactory;

/**
 * Upgrades each new connection to TLS with StartTLS (RFC 4511 4.14) before the service account binds, waiting for the
 * directory's answer no longer than the response timeout: a server that accepts the connection and never answers
 * would otherwise hold a sign-in forever.
 */
final class BoundedStartTls implements PostConnectProcessor {

    private final SSLSocketFactory tls;
    private final long responseTimeoutMillis;

    BoundedStartTls(SSLSocketFactory tls, long responseTimeoutMillis) {
        this.tls = tls;
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    @Override
    public void processPreAuthenticatedConnection(LDAPConnection connection) throws LDAPException {
        StartTLSExtendedRequest request = new StartTLSExtendedRequest(tls);
        request.setResponseTimeoutMillis(responseTimeoutMillis);
        ExtendedResult result = connection.processExtendedOperation(request);
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw new LDAPExtendedOperationException(result);
        }
    }

    @Override
    public void processPostAuthenticatedConnection(LDAPConnection connection) {
        // Nothing to do after the bind.
    }
}
