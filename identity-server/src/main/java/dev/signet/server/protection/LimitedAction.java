package dev.signet.server.protection;

/**
 * What a citizen (or someone pretending to be one) can try again and again, each limited per account and per client
 * address by its own pair of {@link dev.signet.core.protection.AttemptPolicy policies} under
 * {@code signet.protection.<action>.*}.
 */
public enum LimitedAction {
    /** Typing a password for an email address. */
    SIGN_IN("sign-in"),
    /** Typing a one-time code: email codes of sign-up and password reset, and second-factor codes. */
    CODE_ENTRY("code-entry"),
    /** Asking for a code or an email to be sent. */
    CODE_SENDING("code-sending");

    private final String settingName;

    LimitedAction(String settingName) {
        this.settingName = settingName;
    }

    /** The action's name in settings and metrics, e.g. {@code sign-in}. */
    public String settingName() {
        return settingName;
    }
}
