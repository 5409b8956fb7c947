package dev.signet.admin.keycloakimport;

/**
 * Keycloak could not be read: it refused the credentials or the realm, or did not answer. The message is for the
 * operator: what happened and what to do, never a credential.
 */
final class KeycloakRefusedException extends RuntimeException {

    private final boolean unreachable;

    KeycloakRefusedException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** True when Keycloak did not answer (a 502 for the operator); false when it answered no (a 422). */
    boolean unreachable() {
        return unreachable;
    }

    /** Words for what went wrong talking to Keycloak. */
    static KeycloakRefusedException from(RuntimeException e, KeycloakRealmSource source) {
        if (e instanceof KeycloakRefusedException already) {
            return already;
        }
        if (e instanceof jakarta.ws.rs.NotAuthorizedException || isTokenRefusal(e)) {
            return new KeycloakRefusedException("Keycloak refused the credentials for client '" + source.clientId()
                    + "' in realm '" + source.authRealm() + "'. Check them, and that the client may use this grant "
                    + "(service accounts enabled, or direct access grants for a username and password).", false, e);
        }
        if (e instanceof jakarta.ws.rs.ForbiddenException) {
            return new KeycloakRefusedException("The credentials may not read the users of realm '" + source.realm()
                    + "': give the service account the realm-management role view-users.", false, e);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException) {
            return new KeycloakRefusedException("Keycloak at " + source.serverUrl() + " has no realm '"
                    + source.realm() + "'.", false, e);
        }
        if (e instanceof jakarta.ws.rs.WebApplicationException answered) {
            return new KeycloakRefusedException("Keycloak answered HTTP " + answered.getResponse().getStatus()
                    + " while the users of realm '" + source.realm() + "' were read.", true, e);
        }
        if (e instanceof jakarta.ws.rs.ProcessingException) {
            return new KeycloakRefusedException("Keycloak did not answer at " + source.serverUrl() + " (" + rootName(e)
                    + "). Check server_url and that this admin API can reach it.", true, e);
        }
        return new KeycloakRefusedException("Reading realm '" + source.realm() + "' failed (" + rootName(e) + ").",
                true, e);
    }

    /** The admin client reports a refused token request as a BadRequest or NotAuthorized wrapped in its own way. */
    private static boolean isTokenRefusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.ws.rs.NotAuthorizedException
                    || cause instanceof jakarta.ws.rs.BadRequestException) {
                return true;
            }
        }
        return false;
    }

    private static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
