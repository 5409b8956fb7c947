package dev.signet.server.clients;

import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.RelyingParty;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The relying-party table read at most once per client per HTTP request, for every feature that asks: a token request
 * needs its client for client authentication, the grant, the refresh checks, each token customizer and the subject
 * identifier, and each of those was a PostgreSQL round trip. Nothing is kept beyond the request, so a change made
 * through the admin API or on another instance is seen by the next request; a change made in this request is seen at
 * once (every write forgets what the request read). Outside a request (workers, start-up) every call reads the table.
 */
final class RequestScopedManagedRelyingParties implements ManagedRelyingPartyRepository {

    private final ManagedRelyingPartyRepository delegate;
    private final PerRequestMemo<String, Optional<ManagedRelyingParty>> seen =
            new PerRequestMemo<>("managed-relying-parties");

    RequestScopedManagedRelyingParties(ManagedRelyingPartyRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<ManagedRelyingParty> find(String clientId) {
        return seen.get(clientId, delegate::find);
    }

    /** This request's look-ups are forgotten, after a write made outside this class in the same request. */
    void forget() {
        seen.forget();
    }

    @Override
    public List<ManagedRelyingParty> page(Optional<String> afterClientId, int limit) {
        return delegate.page(afterClientId, limit);
    }

    @Override
    public Optional<ManagedRelyingParty> create(RelyingParty registration, Optional<URI> sectorIdentifierUri) {
        try {
            return delegate.create(registration, sectorIdentifierUri);
        } finally {
            forget();
        }
    }

    @Override
    public Optional<ManagedRelyingParty> update(RelyingParty registration, Optional<URI> sectorIdentifierUri,
            Instant expectedVersion) {
        try {
            return delegate.update(registration, sectorIdentifierUri, expectedVersion);
        } finally {
            forget();
        }
    }

    @Override
    public Optional<ManagedRelyingParty> setEnabled(String clientId, boolean enabled, Instant expectedVersion) {
        try {
            return delegate.setEnabled(clientId, enabled, expectedVersion);
        } finally {
            forget();
        }
    }

    @Override
    public Optional<ManagedRelyingParty> rotateSecret(String clientId, String newSecretSha256,
            Optional<Instant> previousValidUntil, Instant expectedVersion) {
        try {
            return delegate.rotateSecret(clientId, newSecretSha256, previousValidUntil, expectedVersion);
        } finally {
            forget();
        }
    }
}
