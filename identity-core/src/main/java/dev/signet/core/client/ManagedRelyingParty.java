package dev.signet.core.client;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A relying party as operators manage it: its registration, and what only administration needs (whether it is
 * enabled, the previous client secret still accepted during a rotation's overlap, the sector identifier document it
 * was registered with, and its version for optimistic concurrency).
 *
 * @param registration        what the authorization server serves
 * @param sectorIdentifierUri the https document that listed its redirect URIs when it was registered (OIDC Core §8.1),
 *                            if one was given; the registration's sector identifier is then that URI's host
 * @param enabled             false once an operator disabled it: the authorization server treats it as unknown
 * @param previousSecret      the client secret replaced by the last rotation, while it is still accepted
 * @param tokensNotBefore     when it was last disabled: refresh tokens issued before are no longer honoured
 * @param updatedAt           the last change, to the microsecond (the admin API's ETag)
 */
public record ManagedRelyingParty(
        RelyingParty registration,
        Optional<URI> sectorIdentifierUri,
        boolean enabled,
        Optional<PreviousClientSecret> previousSecret,
        Optional<Instant> tokensNotBefore,
        Instant updatedAt) {

    public ManagedRelyingParty {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(sectorIdentifierUri, "sectorIdentifierUri");
        Objects.requireNonNull(previousSecret, "previousSecret");
        Objects.requireNonNull(tokensNotBefore, "tokensNotBefore");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String clientId() {
        return registration.clientId();
    }

    /** The previous secret's hash if it is still accepted at {@code now}. */
    public Optional<String> previousSecretValidAt(Instant now) {
        return previousSecret.filter(previous -> now.isBefore(previous.expiresAt()))
                .map(PreviousClientSecret::sha256);
    }

    /**
     * A client secret that a rotation replaced, accepted until {@code expiresAt} so that the service can deploy the
     * new one without an outage.
     *
     * @param sha256    hex SHA-256 of the old secret
     * @param expiresAt the end of the overlap
     */
    public record PreviousClientSecret(String sha256, Instant expiresAt) {

        public PreviousClientSecret {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
