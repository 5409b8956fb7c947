package dev.signet.core.operator;

import java.util.Set;

/**
 * The OAuth 2.0 scopes of the admin API, shared by the server that issues operators' tokens (identity-server) and
 * the API that accepts them (admin-api). Each is granted separately: reading does not imply acting.
 */
public final class OperatorScopes {

    /** Search and view accounts. */
    public static final String READ = "admin.read";
    /** Support actions on one citizen's account (such as resetting second factors). */
    public static final String SUPPORT = "admin.support";
    /** Administration of the platform (interventions, relying parties, connectors, migrations). */
    public static final String MANAGE = "admin.manage";
    /** Read, verify and export the audit log. */
    public static final String AUDIT_READ = "audit.read";

    public static final Set<String> ALL = Set.of(READ, SUPPORT, MANAGE, AUDIT_READ);

    private OperatorScopes() {
    }
}
