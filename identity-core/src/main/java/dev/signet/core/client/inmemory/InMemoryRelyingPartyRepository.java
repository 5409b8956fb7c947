package dev.signet.core.client.inmemory;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/** {@link RelyingPartyRepository} in the process's memory, for tests and tools that need no database. */
public final class InMemoryRelyingPartyRepository implements RelyingPartyRepository {

    private final ConcurrentSkipListMap<String, RelyingParty> byClientId = new ConcurrentSkipListMap<>();

    @Override
    public Optional<RelyingParty> findByClientId(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    @Override
    public List<RelyingParty> findAll() {
        return List.copyOf(byClientId.values());
    }

    @Override
    public void save(RelyingParty relyingParty) {
        byClientId.put(relyingParty.clientId(), relyingParty);
    }

    @Override
    public synchronized List<String> replaceFileDeclared(List<RelyingParty> declared) {
        Set<String> keep = declared.stream().map(RelyingParty::clientId).collect(Collectors.toSet());
        byClientId.values().removeIf(rp -> rp.source() == RelyingParty.Source.FILE && !keep.contains(rp.clientId()));
        List<String> managedElsewhere = new ArrayList<>();
        for (RelyingParty rp : declared) {
            RelyingParty existing = byClientId.get(rp.clientId());
            if (existing != null && existing.source() == RelyingParty.Source.ADMIN) {
                managedElsewhere.add(rp.clientId());
            } else {
                save(rp);
            }
        }
        return List.copyOf(managedElsewhere);
    }
}
