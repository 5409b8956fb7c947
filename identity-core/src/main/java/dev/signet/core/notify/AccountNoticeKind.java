package dev.signet.core.notify;

/** What an {@link AccountNotice} tells the citizen. */
public enum AccountNoticeKind {
    /** An operator removed their second factors: they will set one up at their next sign-in. */
    SECOND_FACTORS_RESET
}
