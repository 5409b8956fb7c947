package dev.signet.client;

/**
 * The {@code sub} is not the citizen's: a userinfo response or a refreshed ID token names another subject than the ID
 * token of the sign-in (OpenID Connect Core §5.3.2, §12.2).
 */
public final class SubjectMismatchException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public SubjectMismatchException(String message) {
        super(message);
    }
}
