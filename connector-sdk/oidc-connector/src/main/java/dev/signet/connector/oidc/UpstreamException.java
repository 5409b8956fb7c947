package dev.signet.connector.oidc;

/**
 * The upstream provider could not be used: unreachable, too slow, or answering something unreadable. Internal only:
 * {@link OidcConnector} turns it into an {@link dev.signet.connector.Unavailable} outcome carrying the message, so the
 * message is written for operators and never holds tokens, codes or personal data.
 */
final class UpstreamException extends Exception {

    UpstreamException(String message) {
        super(message);
    }

    UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
