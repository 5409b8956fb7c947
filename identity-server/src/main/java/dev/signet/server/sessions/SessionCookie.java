package dev.signet.server.sessions;

import dev.signet.server.protection.ProtectionProperties.SessionCookieSecurity;
import java.net.URI;

/**
 * The Signet session cookie: always HttpOnly and SameSite=Lax (a relying party's redirect back to Signet is a
 * top-level navigation, so Lax still sends it); on an https issuer also Secure and named with the {@code __Host-}
 * prefix, which browsers accept only from a secure origin, for path {@code /} and with no Domain, so no sibling host
 * can set or overwrite it. On a plain-HTTP issuer (the embedded default, {@code http://localhost:8080}) the cookie
 * keeps its plain name and is not Secure: a browser refuses a {@code __Host-} cookie that is not Secure, and a Secure
 * cookie set over plain HTTP, so the citizen could never stay signed in. {@code signet.protection.session-cookie}
 * overrides the choice.
 */
public record SessionCookie(String name, boolean secure) {

    public static SessionCookie forIssuer(URI issuer) {
        return forIssuer(issuer, SessionCookieSecurity.AUTO);
    }

    public static SessionCookie forIssuer(URI issuer, SessionCookieSecurity security) {
        boolean hostPrefixed = switch (security) {
            case AUTO -> "https".equalsIgnoreCase(issuer.getScheme());
            case HOST_PREFIXED -> true;
            case PLAIN -> false;
        };
        return new SessionCookie(hostPrefixed ? "__Host-signet-session" : "signet-session", hostPrefixed);
    }
}
