package dev.signet.server.oidc.authorization.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.AuthorizationStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;

class JdbcAuthorizationStoreTest extends AuthorizationStoreContract {

    private static DataSource dataSource;
    private JdbcAuthorizationStore store;

    @BeforeAll
    static void database() {
        dataSource = PostgresTestServer.newMigratedDatabase();
    }

    @BeforeEach
    void adapter() {
        store = new JdbcAuthorizationStore(dataSource, new InMemoryRegisteredClientRepository(CLIENT),
                Clock.systemUTC());
    }

    @Override
    protected AuthorizationStore store() {
        return store;
    }

    @Test
    void cleanupDeletesAuthorizationsWhoseTokensHaveAllExpired() {
        OAuth2Authorization live = granted(citizen(), "sid-live");
        store.save(live);
        JdbcAuthorizationStore nineHoursLater = new JdbcAuthorizationStore(dataSource,
                new InMemoryRegisteredClientRepository(CLIENT),
                Clock.fixed(Instant.now().plus(Duration.ofHours(9)), ZoneOffset.UTC));

        assertThat(store.deleteExpired()).isZero();
        assertThat(nineHoursLater.deleteExpired()).isPositive();
        assertThat(store.findById(live.getId())).isNull();
    }
}
