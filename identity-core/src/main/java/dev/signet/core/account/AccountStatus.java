package dev.signet.core.account;

/**
 * Interventions an operator (or an automatic protection) can place on an account, as GOV.UK One Login has them, and
 * {@link #MERGED}. Only {@link #ACTIVE} lets the account sign in.
 */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED,
    BLOCKED,
    PASSWORD_RESET_REQUIRED,
    /**
     * Merged into another account of the same person ({@code dev.signet.core.merge.AccountMerges}): kept so that
     * the merge can be undone, never used to sign in. Only a merge sets it and only an undo lifts it.
     */
    MERGED
}
