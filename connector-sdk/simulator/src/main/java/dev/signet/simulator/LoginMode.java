package dev.signet.simulator;

/** What the citizen's browser meets at the authorization endpoint. */
public enum LoginMode {
    /** No page: the browser goes straight back to your service, signed in as the chosen user. */
    AUTOMATIC,
    /** A plain page listing the configured users; clicking one signs in as them. For trying a service by hand. */
    USER_PICKER
}
