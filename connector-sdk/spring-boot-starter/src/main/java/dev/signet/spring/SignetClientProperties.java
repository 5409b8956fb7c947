package dev.signet.spring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code signet.client.*} settings. Checked when the service starts: a missing or malformed one stops it with a
 * message naming the setting, rather than failing on a citizen's first sign-in.
 *
 * @param issuer Signet's issuer address, exactly as Signet's operators gave it ({@code https://signet.example.gov.uk});
 *        plain {@code http} only for {@code localhost}
 * @param clientId the client id of this service's registration
 * @param privateKey this service's private key as JWK JSON, or where to read it ({@code file:/run/secrets/signet.jwk},
 *        {@code classpath:...})
 * @param redirectPath the path of the callback, on this service's own address (registered with Signet as a redirect
 *        URI)
 * @param vtr the vectors of trust to ask for; any one will do ({@code Cl.Cm}, or {@code Cl} for a password alone)
 * @param uiLocales the languages of Signet's pages, in order of preference ({@code cy,en})
 * @param scopes the scopes to ask for; {@code openid} is always added. With {@code legacy_subjects} the citizen's old
 *        departmental accounts are asked for in the ID token too
 * @param postLogoutRedirectUri where Signet sends the browser back after signing out (registered with Signet); when
 *        unset Signet shows its own "signed out" page
 * @param signInTimeLimit how long a citizen has to come back from Signet once a sign-in has started; a later callback
 *        is refused and the citizen starts again
 */
@ConfigurationProperties("signet.client")
public record SignetClientProperties(String issuer, String clientId, String privateKey,
        @DefaultValue("/signet/callback") String redirectPath, @DefaultValue("Cl.Cm") List<String> vtr,
        List<String> uiLocales, @DefaultValue("openid") List<String> scopes, URI postLogoutRedirectUri,
        @DefaultValue("10m") Duration signInTimeLimit) {

    private static final List<String> KNOWN_VECTORS = List.of("Cl", "Cl.Cm");

    public SignetClientProperties {
        List<String> problems = new ArrayList<>();
        if (blank(issuer)) {
            problems.add("signet.client.issuer must be set to the issuer address Signet's operators gave you "
                    + "(e.g. https://signet.example.gov.uk)");
        } else if (!issuer.startsWith("https://") && !isLocal(issuer)) {
            problems.add("signet.client.issuer must be an https address (plain http only for localhost), not '"
                    + issuer + "'");
        }
        if (blank(clientId)) {
            problems.add("signet.client.client-id must be set to the client id of your service's registration");
        }
        if (blank(privateKey)) {
            problems.add("signet.client.private-key must be set to your service's private key as JWK JSON, or "
                    + "where to read it (file:/path/to/key.jwk)");
        }
        if (redirectPath == null || !redirectPath.startsWith("/") || redirectPath.contains("?")
                || redirectPath.contains("#")) {
            problems.add("signet.client.redirect-path must be a path starting with '/' (e.g. /signet/callback), "
                    + "not '" + redirectPath + "'");
        }
        vtr = vtr == null ? List.of() : List.copyOf(vtr);
        if (vtr.isEmpty()) {
            problems.add("signet.client.vtr must name at least one vector of trust: Cl.Cm or Cl");
        }
        for (String vector : vtr) {
            if (!KNOWN_VECTORS.contains(vector)) {
                problems.add("signet.client.vtr has '" + vector + "': Signet offers Cl.Cm (password and a second "
                        + "factor) and Cl (password alone)");
            }
        }
        uiLocales = uiLocales == null ? List.of() : List.copyOf(uiLocales);
        scopes = scopes == null ? List.of("openid") : List.copyOf(scopes);
        if (postLogoutRedirectUri != null && !postLogoutRedirectUri.isAbsolute()) {
            problems.add("signet.client.post-logout-redirect-uri must be an absolute address (as registered with "
                    + "Signet), not '" + postLogoutRedirectUri + "'");
        }
        if (signInTimeLimit == null || signInTimeLimit.isNegative() || signInTimeLimit.isZero()) {
            problems.add("signet.client.sign-in-time-limit must be a positive duration (e.g. 10m), not '"
                    + signInTimeLimit + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Whether the citizen's old departmental accounts ({@code legacy_subjects}) are asked for. */
    public boolean requestsLegacySubjects() {
        return scopes.contains("legacy_subjects");
    }

    public Optional<URI> postLogoutRedirect() {
        return Optional.ofNullable(postLogoutRedirectUri);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isLocal(String issuer) {
        return issuer.startsWith("http://localhost") || issuer.startsWith("http://127.0.0.1");
    }

    /** Does not show the private key. */
    @Override
    public String toString() {
        return "SignetClientProperties[issuer=" + issuer + ", clientId=" + clientId + ", redirectPath="
                + redirectPath + ", vtr=" + vtr + ", uiLocales=" + uiLocales + ", scopes=" + scopes
                + ", signInTimeLimit=" + signInTimeLimit + "]";
    }
}
