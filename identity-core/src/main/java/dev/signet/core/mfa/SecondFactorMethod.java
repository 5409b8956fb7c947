package dev.signet.core.mfa;

/** The kinds of second factor a citizen can add to their account (passkeys are separate: they replace the password). */
public enum SecondFactorMethod {
    /** An authenticator app producing time-based codes (RFC 6238). */
    AUTHENTICATOR_APP,
    /** One-time codes sent by text message to a phone number the citizen proved they receive texts on. */
    TEXT_MESSAGE,
    /** One-time codes sent to the account's email address. */
    EMAIL
}
