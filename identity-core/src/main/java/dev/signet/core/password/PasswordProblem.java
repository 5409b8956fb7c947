package dev.signet.core.password;

/** Why a new password was refused. Each has a plain-language message (message key {@code password.problem.<name>}). */
public enum PasswordProblem {
    TOO_SHORT,
    TOO_LONG,
    COMMON_OR_BREACHED,
    CONTAINS_EMAIL
}
