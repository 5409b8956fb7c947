package dev.signet.core.code;

/** What a one-time code proves. A code issued for one purpose never satisfies another. */
public enum CodePurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
}
