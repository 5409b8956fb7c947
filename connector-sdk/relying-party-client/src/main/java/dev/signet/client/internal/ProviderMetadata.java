package dev.signet.client.internal;

import dev.signet.client.ProviderUnavailableException;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of Signet's discovery document (OpenID Connect Discovery 1.0) the client uses. The document's
 * {@code issuer} must be exactly the configured issuer (§4.3), or it is refused.
 */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
        Optional<URI> userInfoEndpoint, Optional<URI> revocationEndpoint, Optional<URI> endSessionEndpoint,
        boolean issParameterSupported, List<String> codeChallengeMethods) {

    public static final String PATH = "/.well-known/openid-configuration";

    /** Fetches and checks the document; any failure is "unavailable", so a cached copy keeps serving. */
    public static CachedResource.Fetched<ProviderMetadata> fetch(HttpTransport http, String issuer,
            Duration whenUnspecified, Duration longest) {
        URI uri = URI.create(stripTrailingSlash(issuer) + PATH);
        HttpTransport.Response response = http.get("discovery endpoint", uri, Map.of("Accept", "application/json"));
        if (!response.ok()) {
            throw new ProviderUnavailableException("Signet's discovery document " + uri + " answered "
                    + response.status());
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new ProviderUnavailableException("Signet's discovery document " + uri + " is not a JSON object");
        }
        if (!issuer.equals(json.get("issuer"))) {
            throw new ProviderUnavailableException("The discovery document at " + uri + " names issuer "
                    + json.get("issuer") + ", not the configured " + issuer);
        }
        ProviderMetadata metadata = new ProviderMetadata(issuer,
                required(json, "authorization_endpoint", uri), required(json, "token_endpoint", uri),
                required(json, "jwks_uri", uri), optional(json, "userinfo_endpoint"),
                optional(json, "revocation_endpoint"), optional(json, "end_session_endpoint"),
                Boolean.TRUE.equals(json.get("authorization_response_iss_parameter_supported")),
                stringList(json.get("code_challenge_methods_supported")));
        return new CachedResource.Fetched<>(metadata,
                CacheControl.freshness(response.headers(), whenUnspecified, longest));
    }

    private static URI required(Map<String, Object> json, String name, URI document) {
        return optional(json, name).orElseThrow(() -> new ProviderUnavailableException(
                "The discovery document " + document + " has no " + name));
    }

    private static Optional<URI> optional(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static List<String> stringList(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    static String stripTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
