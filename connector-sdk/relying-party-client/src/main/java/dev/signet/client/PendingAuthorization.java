package dev.signet.client;

import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the service must remember between sending the browser to Signet and the browser coming back: the secrets of
 * this one request ({@code state}, {@code nonce}, the PKCE code verifier) and what it asked for ({@code vtr},
 * {@code max_age}), so that the response can be checked against them.
 *
 * <p>Keep it in the citizen's server-side session (it is {@link Serializable}), never in a URL or an unencrypted
 * cookie, and use it once: remove it from the session when the browser comes back, whatever the outcome. Its
 * {@link #toString()} does not show the secrets.
 */
public final class PendingAuthorization implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String state;
    private final String nonce;
    private final String codeVerifier;
    private final String redirectUri;
    private final List<String> vectorsOfTrust;
    private final long maxAgeSeconds;
    private final long createdAtEpochSecond;

    public PendingAuthorization(String state, String nonce, String codeVerifier, URI redirectUri,
            List<String> vectorsOfTrust, Optional<Duration> maxAge, Instant createdAt) {
        this.state = Objects.requireNonNull(state, "state");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri").toString();
        this.vectorsOfTrust = List.copyOf(vectorsOfTrust);
        this.maxAgeSeconds = maxAge.map(Duration::toSeconds).orElse(-1L);
        this.createdAtEpochSecond = Objects.requireNonNull(createdAt, "createdAt").getEpochSecond();
    }

    /** The {@code state} sent; the response must carry it back. */
    public String state() {
        return state;
    }

    /** The {@code nonce} sent; the ID token must carry it back. */
    public String nonce() {
        return nonce;
    }

    /** The PKCE code verifier (RFC 7636); only its S256 challenge was sent. */
    public String codeVerifier() {
        return codeVerifier;
    }

    public URI redirectUri() {
        return URI.create(redirectUri);
    }

    /** The vectors of trust asked for; empty when {@code vtr} was not sent (Signet's default, {@code Cl.Cm}). */
    public List<String> vectorsOfTrust() {
        return vectorsOfTrust;
    }

    public Optional<Duration> maxAge() {
        return maxAgeSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(maxAgeSeconds));
    }

    /** When the request was made; a service may refuse to complete very old ones. */
    public Instant createdAt() {
        return Instant.ofEpochSecond(createdAtEpochSecond);
    }

    @Override
    public String toString() {
        return "PendingAuthorization[redirectUri=" + redirectUri + ", vtr=" + vectorsOfTrust + ", createdAt="
                + createdAt() + "]";
    }
}
