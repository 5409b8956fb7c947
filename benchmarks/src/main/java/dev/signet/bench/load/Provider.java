package dev.signet.bench.load;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The OpenID provider under load, and where its endpoints and sign-in pages are: Signet, or a Keycloak realm run side
 * by side with it (benchmarks/run-keycloak-side-by-side.sh). Both are driven through the same flows; only the
 * addresses and the shape of the sign-in form differ.
 */
record Provider(String name, URI authorizationEndpoint, URI tokenEndpoint, URI introspectionEndpoint,
        SignInPages signInPages) {

    Provider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(introspectionEndpoint, "introspectionEndpoint");
        Objects.requireNonNull(signInPages, "signInPages");
    }

    static Provider signet(URI origin) {
        return new Provider("signet", origin.resolve("/oauth2/authorize"), origin.resolve("/oauth2/token"),
                origin.resolve("/oauth2/introspect"), new SignInPages.Signet(origin));
    }

    /** A Keycloak realm: its OpenID Connect endpoints under {@code /realms/<realm>/protocol/openid-connect}. */
    static Provider keycloak(URI origin, String realm) {
        String base = "/realms/" + realm + "/protocol/openid-connect";
        return new Provider("keycloak", origin.resolve(base + "/auth"), origin.resolve(base + "/token"),
                origin.resolve(base + "/token/introspect"), new SignInPages.Keycloak());
    }

    static Provider named(String name, URI origin, String realm) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "signet" -> signet(origin);
            case "keycloak" -> keycloak(origin, realm);
            default -> throw new IllegalArgumentException("--provider must be signet or keycloak, but was '" + name
                    + "'");
        };
    }
}
