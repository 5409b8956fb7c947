package dev.signet.core.keys.inmemory;

import dev.signet.core.keys.SigningKeyRepository;
import dev.signet.core.keys.SigningKeyRepositoryContract;
import org.junit.jupiter.api.BeforeEach;

class InMemorySigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    private SigningKeyRepository repository;

    @BeforeEach
    void fresh() {
        repository = new InMemorySigningKeyRepository();
    }

    @Override
    protected SigningKeyRepository repository() {
        return repository;
    }
}
