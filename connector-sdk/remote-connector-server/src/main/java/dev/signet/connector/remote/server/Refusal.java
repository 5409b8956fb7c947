package dev.signet.connector.remote.server;

/** A request the server will not serve: an HTTP status and the protocol's problem code, with a reason for logs. */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    Refusal(int status, String code, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
