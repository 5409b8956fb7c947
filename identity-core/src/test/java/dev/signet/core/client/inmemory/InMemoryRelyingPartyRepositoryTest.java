package dev.signet.core.client.inmemory;

import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.RelyingPartyRepositoryContract;

class InMemoryRelyingPartyRepositoryTest extends RelyingPartyRepositoryContract {

    private final RelyingPartyRepository repository = new InMemoryRelyingPartyRepository();

    @Override
    protected RelyingPartyRepository repository() {
        return repository;
    }
}
