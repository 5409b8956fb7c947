package dev.signet.core.logout;

/** Why an account's sessions (all of them, or one) are to end. */
public enum SessionEndingReason {
    /** An intervention (suspension, block, password reset required) was placed on the account. */
    INTERVENTION,
    /** The account was erased; its sessions and tokens must not outlive it. */
    ERASURE,
    /** The account was merged into another one; it can no longer be used, so nothing signed in with it may last. */
    MERGE,
    /** An operator ended one session of the account (the admin API, by its {@code sid}). */
    OPERATOR
}
