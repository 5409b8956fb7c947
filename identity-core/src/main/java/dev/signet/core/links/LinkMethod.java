package dev.signet.core.links;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a citizen proved that a legacy identity and a Signet account are the same person. */
public enum LinkMethod {
    /** The Signet account was created in the same journey, from the legacy sign-in. */
    NEW_ACCOUNT,
    /** The citizen signed in to the existing Signet account with its password. */
    SIGNET_PASSWORD,
    /** The citizen typed a code sent to the existing Signet account's email address. */
    EMAIL_CODE,
    /** The citizen, recently signed in to the Signet account, added the old account from the account page. */
    SIGNED_IN,
    /** An operator linked it through the admin API, on evidence recorded in the audit entry's reason. */
    OPERATOR,
    /**
     * An operator's bulk import named the legacy identity for the account it created or updated: the proof is the
     * department's own export, not the citizen (docs/bulk-import.md).
     */
    BULK_IMPORT;

    /** The stored and audited form, e.g. {@code signet_password}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method stored as {@code value}; empty for one this version does not know (written by a newer Signet). */
    public static Optional<LinkMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(method -> method.value().equals(value)).findFirst();
    }
}
