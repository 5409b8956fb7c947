package dev.signet.core.code;

/** What a one-time code proves. A code issued for one purpose never satisfies another. */
public enum CodePurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    /** A second factor: a code sent by text message (subject: account id and phone number). */
    SECOND_FACTOR_TEXT_MESSAGE,
    /** A second factor: a code sent to the account's email address (subject: account id). */
    SECOND_FACTOR_EMAIL,
    /** A signed-in citizen proves a new email address (subject: account id and the new address). */
    CHANGE_EMAIL
}
