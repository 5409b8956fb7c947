package dev.signet.client;

/**
 * A token was refused. Each reason has its own subtype, so that a service can count and log them apart; the message
 * says what was wrong in words an operator can act on, without the token itself. Never use the claims of a refused
 * token.
 */
public abstract sealed class TokenValidationException extends SignetClientException permits
        MalformedTokenException, DisallowedAlgorithmException, UnknownSigningKeyException, InvalidSignatureException,
        WrongTokenTypeException, IssuerMismatchException, AudienceMismatchException,
        AuthorizedPartyMismatchException, TokenExpiredException, TokenIssuedInFutureException, MissingClaimException,
        InvalidClaimException, UnexpectedClaimException, NonceMismatchException, AccessTokenHashMismatchException,
        TrustLevelNotMetException, AuthenticationTooOldException, SubjectMismatchException, TokenReplayedException {

    private static final long serialVersionUID = 1L;

    protected TokenValidationException(String message) {
        super(message);
    }

    protected TokenValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
