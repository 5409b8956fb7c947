package dev.signet.client;

/**
 * Signet could not be reached, did not answer within the configured timeout, or answered with a server error (5xx).
 * Nothing was decided: trying again later may work. Cached discovery documents and keys keep being used through a
 * short outage, so this is thrown only when there is nothing usable left.
 */
public final class ProviderUnavailableException extends SignetClientException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
