package dev.signet.core.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What happened, as a dotted lower-case name ({@code sign_in.failed}). A value rather than an enum so that an entry
 * written by a newer Signet (with a type this version does not know) can still be read, verified and exported.
 * Features add their types here as constants.
 */
public record AuditEventType(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    // Citizens' journeys (identity-server).
    /** A citizen's session started or was raised to a higher trust level; details: {@code level}. */
    public static final AuditEventType SIGN_IN_SUCCEEDED = new AuditEventType("sign_in.succeeded");
    /** A sign-in step was refused; details: {@code step}, {@code outcome}. */
    public static final AuditEventType SIGN_IN_FAILED = new AuditEventType("sign_in.failed");
    /** A citizen created an account with a proven email address. */
    public static final AuditEventType ACCOUNT_CREATED = new AuditEventType("account.created");
    /** A citizen replaced a forgotten password with a code sent by email. */
    public static final AuditEventType PASSWORD_RESET = new AuditEventType("password.reset");
    /** A citizen signed out of Signet. */
    public static final AuditEventType SIGNED_OUT = new AuditEventType("sign_out");
    /** A signed-in citizen changed their password (with the current one). */
    public static final AuditEventType PASSWORD_CHANGED = new AuditEventType("password.changed");
    /** A signed-in citizen changed their email address (proven with a code sent to the new one). */
    public static final AuditEventType EMAIL_CHANGED = new AuditEventType("account.email_changed");
    /** A signed-in citizen deleted their account. */
    public static final AuditEventType ACCOUNT_DELETED = new AuditEventType("account.deleted");
    /** A signed-in citizen added a second factor from their account page; details: {@code method}. */
    public static final AuditEventType SECOND_FACTOR_ADDED = new AuditEventType("second_factor.added");
    /** A signed-in citizen removed one of their second factors; details: {@code method}. */
    public static final AuditEventType SECOND_FACTOR_REMOVED = new AuditEventType("second_factor.removed");
    /** A signed-in citizen replaced their recovery codes with new ones (the old ones stop working). */
    public static final AuditEventType RECOVERY_CODES_REPLACED = new AuditEventType("recovery_codes.replaced");
    /** A signed-in citizen added a passkey; details: {@code credential_id}. */
    public static final AuditEventType PASSKEY_ADDED = new AuditEventType("passkey.added");
    /** A signed-in citizen removed a passkey; details: {@code credential_id}. */
    public static final AuditEventType PASSKEY_REMOVED = new AuditEventType("passkey.removed");
    /**
     * A legacy identity was linked to an account after the citizen proved both; details: {@code connector},
     * {@code method} (how the account was proven: new_account, signet_password, email_code).
     */
    public static final AuditEventType LEGACY_IDENTITY_LINKED = new AuditEventType("legacy_identity.linked");
    /**
     * A citizen's old-account credentials were accepted by a connector (password checked or upstream sign-in
     * completed); details: {@code connector}. Counted as the connector's sign-ins in its migration progress.
     */
    public static final AuditEventType OLD_ACCOUNT_SIGN_IN = new AuditEventType("sign_in.old_account");
    /**
     * A legacy identity was unlinked from an account (by an operator, or moved back by a merge's undo); details:
     * {@code connector}, {@code reason}, {@code services_told}.
     */
    public static final AuditEventType LEGACY_IDENTITY_UNLINKED = new AuditEventType("legacy_identity.unlinked");
    /**
     * Two accounts were merged; written once for each (filter by either account); details: {@code role}
     * ({@code source}: merged away, {@code target}: merged into), {@code merge_id}, {@code source}, {@code target},
     * {@code identities_moved}, {@code services_told}, {@code reason}.
     */
    public static final AuditEventType ACCOUNTS_MERGED = new AuditEventType("account.merged");
    /**
     * A merge was undone; written once for each account; details: {@code role}, {@code merge_id}, {@code source},
     * {@code target}, {@code identities_restored}, {@code identities_not_restored}, {@code services_told},
     * {@code reason}.
     */
    public static final AuditEventType ACCOUNT_MERGE_UNDONE = new AuditEventType("account.merge_undone");
    /** A citizen created an account by signing in with an old account; details: {@code connector}. */
    public static final AuditEventType ACCOUNT_CREATED_BY_MIGRATION = new AuditEventType("account.created_by_migration");
    /**
     * A citizen's sessions were ended, by the citizen from the account page, after a password change or reset, or
     * before their account was deleted; details: {@code scope} ({@code one}, {@code others}, {@code everywhere}),
     * {@code reason} ({@code citizen}, {@code password_changed}, {@code password_reset}, {@code account_deleted}),
     * {@code sessions} (Signet sessions ended), {@code services_told} (back-channel logout notices queued),
     * {@code families_revoked} (token families revoked).
     */
    public static final AuditEventType SESSIONS_ENDED = new AuditEventType("sign_out.sessions_ended");

    // Operators (admin-api). Reading personal data is an action too.
    public static final AuditEventType OPERATOR_ACCOUNTS_SEARCHED = new AuditEventType("operator.accounts.searched");
    public static final AuditEventType OPERATOR_ACCOUNT_VIEWED = new AuditEventType("operator.account.viewed");
    public static final AuditEventType OPERATOR_AUDIT_SEARCHED = new AuditEventType("operator.audit.searched");
    public static final AuditEventType OPERATOR_AUDIT_VERIFIED = new AuditEventType("operator.audit.verified");
    public static final AuditEventType OPERATOR_AUDIT_EXPORTED = new AuditEventType("operator.audit.exported");
    /**
     * An operator placed or lifted an intervention; details: {@code intervention} (suspend, block,
     * require-password-reset, lift), {@code previous_status}, {@code status}, {@code reason}.
     */
    public static final AuditEventType OPERATOR_INTERVENTION = new AuditEventType("operator.account.intervention");
    /**
     * An operator ended one of an account's sessions; details: {@code sid} (the session's, as in ID tokens),
     * {@code reason}.
     */
    public static final AuditEventType OPERATOR_SESSION_ENDED = new AuditEventType("operator.account.session_ended");
    /**
     * An operator removed an account's second factors and recovery codes (and, if asked, its passkeys); details:
     * {@code second_factors}, {@code passkeys} (how many were removed), {@code reason}.
     */
    public static final AuditEventType OPERATOR_SECOND_FACTORS_RESET =
            new AuditEventType("operator.account.second_factors_reset");
    /** An operator erased an account after exporting its data; details: {@code reason}. */
    public static final AuditEventType OPERATOR_ACCOUNT_ERASED = new AuditEventType("operator.account.erased");
    /**
     * An operator previewed merging one account into another (the preview shows both accounts' legacy identities);
     * written for the source account; details: {@code target}, {@code possible}.
     */
    public static final AuditEventType OPERATOR_MERGE_PREVIEWED =
            new AuditEventType("operator.account.merge_previewed");

    /**
     * A bulk import of accounts read its file to the end, run from the command line ({@code BulkImportCommand}) or as
     * an operator's import job in admin-api; details: the counts ({@code created}, {@code updated}, {@code unchanged},
     * {@code rejected}, {@code linked}), and {@code file} (name only) or {@code job_id} and {@code started_by}.
     */
    public static final AuditEventType OPERATOR_ACCOUNTS_IMPORTED = new AuditEventType("operator.accounts.imported");
    /** An operator listed connectors; details: {@code results}. */
    public static final AuditEventType OPERATOR_CONNECTORS_LISTED = new AuditEventType("operator.connectors.listed");
    /** An operator viewed a connector or its migration progress; details: {@code connector}, {@code view}. */
    public static final AuditEventType OPERATOR_CONNECTOR_VIEWED = new AuditEventType("operator.connector.viewed");
    /** An operator created a connector; details: {@code connector}, {@code type}, {@code enabled}. */
    public static final AuditEventType OPERATOR_CONNECTOR_CREATED = new AuditEventType("operator.connector.created");
    /** An operator changed a connector; details: {@code connector}, {@code changed} (the fields and settings). */
    public static final AuditEventType OPERATOR_CONNECTOR_UPDATED = new AuditEventType("operator.connector.updated");
    /** An operator disabled a connector; details: {@code connector}. */
    public static final AuditEventType OPERATOR_CONNECTOR_DISABLED = new AuditEventType("operator.connector.disabled");
    /** An operator enabled a connector again; details: {@code connector}. */
    public static final AuditEventType OPERATOR_CONNECTOR_ENABLED = new AuditEventType("operator.connector.enabled");
    /** An operator tested a connector's reachability; details: {@code connector}, {@code result}. */
    public static final AuditEventType OPERATOR_CONNECTOR_TESTED = new AuditEventType("operator.connector.tested");

    public AuditEventType {
        Objects.requireNonNull(value, "value");
        if (value.length() > 100 || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("An audit event type is dotted lower-case words, such as "
                    + "sign_in.failed");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
