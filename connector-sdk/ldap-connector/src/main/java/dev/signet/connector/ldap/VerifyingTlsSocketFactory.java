package dev.signet.connector.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Makes every TLS socket check the directory's host name during the handshake (the JDK's {@code LDAPS} endpoint
 * identification, RFC 4513 section 3.1.3: the name Signet connected to must be in the certificate; an IP address
 * matches only an IP address entry), and bounds the handshake by the connect timeout. Checking inside the handshake
 * means a certificate for another name fails the connection before anything is sent, for LDAPS and StartTLS alike.
 */
final class VerifyingTlsSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final int handshakeTimeoutMillis;

    VerifyingTlsSocketFactory(SSLSocketFactory delegate, int handshakeTimeoutMillis) {
        this.delegate = delegate;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    private Socket verifying(Socket socket) throws SocketException {
        SSLSocket tls = (SSLSocket) socket;
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("LDAPS");
        tls.setSSLParameters(parameters);
        // A server that accepts the connection but never answers the handshake must not hold a sign-in; the LDAP
        // library sets its own read timeout once connected.
        tls.setSoTimeout(handshakeTimeoutMillis);
        return tls;
    }

    @Override
    public Socket createSocket() throws IOException {
        return verifying(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return verifying(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return verifying(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return verifying(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return verifying(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return verifying(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
