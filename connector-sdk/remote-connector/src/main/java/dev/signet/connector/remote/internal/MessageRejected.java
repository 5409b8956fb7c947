package dev.signet.connector.remote.internal;

/**
 * A protocol message that must not be acted on: malformed, badly signed, expired, meant for someone else, replayed.
 * The message is fit for logs (it never quotes the message's content) and {@link #code()} names the kind of problem
 * in the protocol's refusals ({@code bad-signature}, {@code expired}, ...).
 */
public final class MessageRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public MessageRejected(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The kind of problem, as a short lower-case word with hyphens. */
    public String code() {
        return code;
    }
}
