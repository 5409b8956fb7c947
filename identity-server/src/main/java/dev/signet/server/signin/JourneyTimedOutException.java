package dev.signet.server.signin;

/**
 * A journey page was asked for but the session holds no state for that journey (the session timed out, or the
 * citizen jumped into the middle of a journey). Shown as a plain "start again" page, never as an error.
 */
public final class JourneyTimedOutException extends RuntimeException {

    private final String startAgainPath;

    public JourneyTimedOutException(String startAgainPath) {
        super("No journey state in the session", null, false, false);
        this.startAgainPath = startAgainPath;
    }

    /** Where the journey starts, for the "start again" link. */
    public String startAgainPath() {
        return startAgainPath;
    }
}
