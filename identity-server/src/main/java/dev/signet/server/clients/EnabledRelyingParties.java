package dev.signet.server.clients;

import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The enabled relying parties, looked up through the same per-request read of the table as the authorization server's
 * registered clients ({@link RequestScopedManagedRelyingParties}), so that a token request reads its client's row
 * once, not once for the framework and again for Signet's own features. Listing and writing go to the registry.
 */
final class EnabledRelyingParties implements RelyingPartyRepository {

    private final RelyingPartyRepository registry;
    private final RequestScopedManagedRelyingParties rows;

    EnabledRelyingParties(RelyingPartyRepository registry, RequestScopedManagedRelyingParties rows) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** As the registry answers it: a disabled relying party is not found. */
    @Override
    public Optional<RelyingParty> findByClientId(String clientId) {
        return rows.find(clientId).filter(ManagedRelyingParty::enabled).map(ManagedRelyingParty::registration);
    }

    @Override
    public List<RelyingParty> findAll() {
        return registry.findAll();
    }

    @Override
    public void save(RelyingParty relyingParty) {
        try {
            registry.save(relyingParty);
        } finally {
            rows.forget();
        }
    }

    @Override
    public List<String> replaceFileDeclared(List<RelyingParty> declared) {
        try {
            return registry.replaceFileDeclared(declared);
        } finally {
            rows.forget();
        }
    }
}
