package dev.signet.connector.remote;

import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.remote.internal.SigningKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A remote connector's settings, read once checked by {@link RemoteType}.
 *
 * @param url               the connector's base URL; requests go to {@code url/describe},
 *                          {@code url/check-password}, ... and it is the {@code aud} of every request
 * @param issuer            Signet's issuer: the {@code iss} of requests and the {@code aud} of responses
 * @param signingKey        Signet's private key for this connector's requests
 * @param connectorKey      the connector's public key or key set (JSON), when given inline
 * @param connectorJwksUrl  where the connector publishes its public keys, when not given inline
 * @param trustCertificates a PEM file of the certificates to trust for {@code url}; the JVM's defaults otherwise
 * @param connectTimeout    longest wait for a TCP connection
 * @param requestTimeout    longest wait for a whole call: connecting, TLS, and the complete answer
 * @param describeRefresh   how long the connector's list of operations is kept before it is asked again
 */
record RemoteSettings(URI url, String issuer, SigningKey signingKey, Optional<String> connectorKey,
        Optional<URI> connectorJwksUrl, Optional<Path> trustCertificates, Duration connectTimeout,
        Duration requestTimeout, Duration describeRefresh) {

    static RemoteSettings from(ConnectorSettings settings) {
        return new RemoteSettings(URI.create(stripSlash(settings.text("url"))), settings.text("issuer"),
                SigningKey.parse(settings.text("signing-key")), settings.optional("connector-key"),
                settings.optional("connector-jwks-url").map(URI::create),
                settings.optional("trust-certificates").map(Path::of), settings.duration("connect-timeout"),
                settings.duration("request-timeout"), settings.duration("describe-refresh"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
