package dev.signet.connector;

/**
 * The credentials were not accepted: a wrong password, an unknown user, an empty password, a refused or cancelled
 * upstream sign-in, or an account the legacy system holds without a usable password. Deliberately one outcome for all
 * of them, so that nobody can learn from it whether an account exists.
 */
public record InvalidCredentials() implements SignInOutcome {
}
