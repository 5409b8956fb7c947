package dev.signet.client;

/**
 * The {@code azp} claim is present but not this client's id, or the token has several audiences and no {@code azp}
 * (OpenID Connect Core §2).
 */
public final class AuthorizedPartyMismatchException extends TokenValidationException {

    private static final long serialVersionUID = 1L;

    public AuthorizedPartyMismatchException(String message) {
        super(message);
    }
}
