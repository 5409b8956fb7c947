package dev.signet.connector.oidc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What the connector needs back when the browser returns: the {@code state} it sent, the {@code nonce} the ID token
 * must repeat, and the PKCE code verifier. Written into {@link dev.signet.connector.Redirect#connectorState()}, which
 * Signet keeps server-side in the citizen's journey, so none of it reaches the browser but state.
 */
record PendingSignIn(String state, String nonce, String codeVerifier) {

    private static final String VERSION = "oidc1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        return String.join(".", VERSION, encode(state), encode(nonce), encode(codeVerifier));
    }

    /** The pending sign-in written by {@link #encode()}; empty for anything else. */
    static Optional<PendingSignIn> decode(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PendingSignIn(text(parts[1]), text(parts[2]), text(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String value) {
        return new String(DECODER.decode(value), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PendingSignIn[(redacted)]";
    }
}
