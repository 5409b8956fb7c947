package dev.signet.client;

/**
 * Base of every exception the Signet client throws. All are unchecked: catch the subtype you can act on.
 *
 * <ul>
 *   <li>{@link TokenValidationException}: a token (ID token, logout token, security event token) was refused; each
 *       failure has its own subtype. Treat the sign-in or the notification as not having happened.</li>
 *   <li>{@link AuthorizationResponseException}: the browser came back to your redirect URI with an error, or with a
 *       response that does not belong to the request you made.</li>
 *   <li>{@link ProviderErrorException}: Signet answered a back-channel request with an OAuth 2.0 error.</li>
 *   <li>{@link ProviderUnavailableException}: Signet could not be reached, timed out, or answered with a server error;
 *       trying again later may work.</li>
 * </ul>
 * Messages never contain token values, codes or keys, so they are safe to log.
 */
public abstract class SignetClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected SignetClientException(String message) {
        super(message);
    }

    protected SignetClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
