package dev.signet.server.clients;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The relying-party registry, read at most once per client per HTTP request. A token request looks its client up
 * many times (client authentication, the grant, each token customizer, the subject identifier): without this each
 * was a PostgreSQL round trip. Nothing is kept beyond the request, so a change made through the admin API or another
 * instance is seen by the next request exactly as before; outside a request (workers, start-up) every call reads the
 * database.
 */
final class RequestScopedRelyingParties implements RelyingPartyRepository {

    private final RelyingPartyRepository delegate;
    private final PerRequestMemo<String, Optional<RelyingParty>> seen = new PerRequestMemo<>("relying-parties");

    RequestScopedRelyingParties(RelyingPartyRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<RelyingParty> findByClientId(String clientId) {
        return seen.get(clientId, delegate::findByClientId);
    }

    @Override
    public List<RelyingParty> findAll() {
        return delegate.findAll();
    }

    @Override
    public void save(RelyingParty relyingParty) {
        delegate.save(relyingParty);
        seen.forget();
    }

    @Override
    public List<String> replaceFileDeclared(List<RelyingParty> declared) {
        List<String> leftAlone = delegate.replaceFileDeclared(declared);
        seen.forget();
        return leftAlone;
    }
}
