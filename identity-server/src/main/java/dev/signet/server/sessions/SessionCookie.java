package dev.signet.server.sessions;

import java.net.URI;

/**
 * The Signet session cookie: always HttpOnly and SameSite=Lax (a relying party's redirect back to Signet is a
 * top-level navigation, so Lax still sends it); on an https issuer also Secure and named with the {@code __Host-}
 * prefix, which browsers accept only from a secure origin, for path {@code /} and with no Domain, so no sibling host
 * can set or overwrite it.
 */
public record SessionCookie(String name, boolean secure) {

    public static SessionCookie forIssuer(URI issuer) {
        boolean https = "https".equalsIgnoreCase(issuer.getScheme());
        return new SessionCookie(https ? "__Host-signet-session" : "signet-session", https);
    }
}
