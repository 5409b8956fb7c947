package dev.signet.connector.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import dev.signet.connector.ConnectorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The checked settings of one upstream OpenID Connect connector, typed. */
record OidcSettings(URI issuer, ClientAuthentication client, Set<String> scopes, ClaimMapping claims,
        Set<JWSAlgorithm> idTokenAlgorithms, Duration clockSkew, Duration connectTimeout, Duration timeout,
        Duration metadataRefresh) {

    /** The standard claims passed on under their own names when no {@code claims.*} mapping is given. */
    static final Map<String, String> STANDARD_CLAIMS = Map.of("email", "email", "given_name", "given_name",
            "family_name", "family_name", "phone_number", "phone_number");

    static OidcSettings from(ConnectorSettings settings) {
        Map<String, String> mapping = settings.group("claims");
        return new OidcSettings(URI.create(settings.text("issuer")),
                new ClientAuthentication(settings.text("client-authentication"), settings.text("client-id"),
                        settings.optional("client-secret"), settings.optional("private-key")),
                OidcType.words(settings.text("scopes")),
                new ClaimMapping(settings.text("subject-claim"), mapping.isEmpty() ? STANDARD_CLAIMS : mapping,
                        OidcType.words(settings.text("verified-attributes"))),
                IdTokenAlgorithms.parse(OidcType.words(settings.text("id-token-algorithms"))),
                settings.duration("clock-skew"), settings.duration("connect-timeout"), settings.duration("timeout"),
                settings.duration("metadata-refresh"));
    }
}
