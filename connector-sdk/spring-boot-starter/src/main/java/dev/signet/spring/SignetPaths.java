package dev.signet.spring;

/** The starter's endpoints on the service. The callback's path is {@code signet.client.redirect-path}. */
public final class SignetPaths {

    /** GET: starts a sign-in (Spring Security's entry point sends unauthenticated visitors here). */
    public static final String LOGIN = "/signet/login";
    /** POST {@code logout_token}: register as the back-channel logout URI. */
    public static final String BACK_CHANNEL_LOGOUT = "/signet/backchannel-logout";
    /** POST {@code application/secevent+jwt}: register as the events URI (RFC 8935 push). */
    public static final String EVENTS = "/signet/events";

    private SignetPaths() {
    }
}
