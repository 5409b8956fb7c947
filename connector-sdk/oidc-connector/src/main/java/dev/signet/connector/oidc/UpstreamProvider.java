package dev.signet.connector.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Signet knows of the upstream provider: its discovery document and its signing keys, each fetched when first
 * needed and kept for {@code metadata-refresh}. Opening a connector fetches nothing, so a connector opens while its
 * upstream is down.
 *
 * <p>When a refresh fails, the copy already held is used until the upstream is back (a blip upstream should not stop
 * sign-ins whose endpoints and keys Signet already knows), and the failure is logged. Keys are also fetched again at
 * once when an ID token names a key Signet does not hold: that is how a provider's key rotation is noticed.
 */
final class UpstreamProvider {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProvider.class);

    private final String connectorId;
    private final URI issuer;
    private final Duration refresh;
    private final UpstreamHttp http;
    private final Clock clock;

    private Fetched<OIDCProviderMetadata> metadata;
    private Fetched<JWKSet> keys;

    private record Fetched<T>(T value, Instant at) {
    }

    UpstreamProvider(String connectorId, URI issuer, Duration refresh, UpstreamHttp http, Clock clock) {
        this.connectorId = connectorId;
        this.issuer = issuer;
        this.refresh = refresh;
        this.http = http;
        this.clock = clock;
    }

    /** The discovery document, fetched again when older than {@code metadata-refresh}. */
    synchronized OIDCProviderMetadata metadata(Deadline deadline) throws UpstreamException {
        if (metadata != null && isFresh(metadata.at())) {
            return metadata.value();
        }
        try {
            metadata = new Fetched<>(fetchMetadata(deadline), clock.instant());
        } catch (UpstreamException e) {
            if (metadata == null) {
                throw e;
            }
            log.warn("Connector {}: discovery document could not be refreshed, using the copy from {}: {}",
                    connectorId, metadata.at(), e.getMessage());
        }
        return metadata.value();
    }

    /** The signing keys, fetched again when older than {@code metadata-refresh}. */
    synchronized JWKSet keys(Deadline deadline) throws UpstreamException {
        if (keys != null && isFresh(keys.at())) {
            return keys.value();
        }
        try {
            return refetchKeys(deadline);
        } catch (UpstreamException e) {
            if (keys == null) {
                throw e;
            }
            log.warn("Connector {}: signing keys could not be refreshed, using the copy from {}: {}", connectorId,
                    keys.at(), e.getMessage());
            return keys.value();
        }
    }

    /** The signing keys, fetched now: an ID token named a key that the held copy lacks. */
    synchronized JWKSet refetchKeys(Deadline deadline) throws UpstreamException {
        URI jwksUri = metadata(deadline).getJWKSetURI();
        if (jwksUri == null) {
            throw new UpstreamException("discovery document has no jwks_uri");
        }
        HTTPResponse response = http.get(jwksUri, "signing keys (jwks_uri)", deadline);
        if (response.getStatusCode() != 200) {
            throw new UpstreamException("signing keys (jwks_uri) answered HTTP " + response.getStatusCode());
        }
        try {
            JWKSet fetched = JWKSet.parse(response.getBody());
            keys = new Fetched<>(fetched, clock.instant());
            log.debug("Connector {}: fetched {} upstream signing keys", connectorId, fetched.size());
            return fetched;
        } catch (java.text.ParseException e) {
            throw new UpstreamException("signing keys (jwks_uri) are not a JSON Web Key Set");
        }
    }

    private boolean isFresh(Instant fetchedAt) {
        return clock.instant().isBefore(fetchedAt.plus(refresh));
    }

    private OIDCProviderMetadata fetchMetadata(Deadline deadline) throws UpstreamException {
        URI location = discoveryUri(issuer);
        HTTPResponse response = http.get(location, "discovery document", deadline);
        if (response.getStatusCode() != 200) {
            throw new UpstreamException("discovery document " + location + " answered HTTP "
                    + response.getStatusCode());
        }
        OIDCProviderMetadata parsed;
        try {
            parsed = OIDCProviderMetadata.parse(response.getBody());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new UpstreamException("discovery document " + location + " is not valid OpenID Provider metadata");
        }
        // OpenID Connect Discovery 1.0, section 4.3: the issuer must be exactly the one configured.
        if (!issuer.toString().equals(parsed.getIssuer().getValue())) {
            throw new UpstreamException("discovery document names issuer '" + parsed.getIssuer().getValue()
                    + "', not the configured '" + issuer + "'");
        }
        for (URI endpoint : new URI[] {parsed.getAuthorizationEndpointURI(), parsed.getTokenEndpointURI(),
                parsed.getJWKSetURI()}) {
            if (endpoint == null) {
                throw new UpstreamException("discovery document lacks an authorization, token or jwks endpoint");
            }
            if (OidcType.issuerProblem(endpoint.getScheme() + "://" + endpoint.getRawAuthority()).isPresent()) {
                throw new UpstreamException("discovery document names an endpoint that is not https: " + endpoint);
            }
        }
        log.info("Connector {}: read the upstream discovery document {}", connectorId, location);
        return parsed;
    }

    /** {@code <issuer>/.well-known/openid-configuration}, with no doubled slash when the issuer ends in one. */
    static URI discoveryUri(URI issuer) {
        String text = issuer.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text)
                + "/.well-known/openid-configuration");
    }

    /** Whether the provider promised RFC 9207's {@code iss} on every authorization response. */
    static boolean sendsIssuerInResponses(OIDCProviderMetadata metadata) {
        return metadata.supportsAuthorizationResponseIssuerParam();
    }
}
