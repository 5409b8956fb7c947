package dev.signet.core.serviceuse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.JdbcAccountRepository;
import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.client.jdbc.JdbcRelyingPartyRepository;
import dev.signet.core.serviceuse.ServiceUse;
import dev.signet.core.testing.PostgresTestServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcServiceUseRepositoryTest {

    private static final Instant MORNING = Instant.parse("2026-03-01T09:00:00Z");

    private JdbcServiceUseRepository repository;
    private JdbcAccountRepository accounts;
    private JdbcRelyingPartyRepository relyingParties;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = PostgresTestServer.newMigratedDatabase();
        repository = new JdbcServiceUseRepository(dataSource);
        accounts = new JdbcAccountRepository(dataSource, Clock.systemUTC());
        relyingParties = new JdbcRelyingPartyRepository(dataSource, Clock.systemUTC());
        for (String clientId : List.of("tax", "benefits", "passports")) {
            relyingParties.save(relyingParty(clientId));
        }
    }

    @Test
    void aSecondSignInMovesTheLastTimeAndKeepsTheFirst() {
        UUID account = newAccount();
        repository.recordSignIn(account, "tax", MORNING);
        repository.recordSignIn(account, "tax", MORNING.plus(2, ChronoUnit.HOURS));

        assertThat(repository.findByAccount(account)).containsExactly(
                new ServiceUse(account, "tax", "The tax service", MORNING, MORNING.plus(2, ChronoUnit.HOURS)));
    }

    @Test
    void anEarlierSignInRecordedLateNeverMovesTheLastTimeBack() {
        UUID account = newAccount();
        repository.recordSignIn(account, "tax", MORNING.plus(1, ChronoUnit.HOURS));
        repository.recordSignIn(account, "tax", MORNING);

        assertThat(repository.findByAccount(account).get(0).lastSignedInAt())
                .isEqualTo(MORNING.plus(1, ChronoUnit.HOURS));
    }

    @Test
    void servicesAreListedMostRecentFirstAndOnlyForTheirAccount() {
        UUID account = newAccount();
        UUID someoneElse = newAccount();
        repository.recordSignIn(account, "tax", MORNING);
        repository.recordSignIn(account, "benefits", MORNING.plus(1, ChronoUnit.HOURS));
        repository.recordSignIn(someoneElse, "passports", MORNING);

        assertThat(repository.findByAccount(account)).extracting(ServiceUse::clientId)
                .containsExactly("benefits", "tax");
    }

    @Test
    void aServiceNoLongerRegisteredIsLeftOut() {
        UUID account = newAccount();
        repository.recordSignIn(account, "tax", MORNING);
        repository.recordSignIn(account, "retired-service", MORNING);

        assertThat(repository.findByAccount(account)).extracting(ServiceUse::clientId).containsExactly("tax");
    }

    @Test
    void deletingTheAccountForgetsItsServices() {
        UUID account = newAccount();
        repository.recordSignIn(account, "tax", MORNING);

        accounts.delete(account);

        assertThat(repository.findByAccount(account)).isEmpty();
    }

    private UUID newAccount() {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        accounts.create(new Account(id, id + "@example.gov.uk", true, Optional.empty(), AccountStatus.ACTIVE, now,
                now));
        return id;
    }

    private static RelyingParty relyingParty(String clientId) {
        return new RelyingParty(clientId, "The " + clientId + " service",
                List.of(URI.create("https://" + clientId + ".example/callback")), List.of(), Optional.empty(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(),
                Optional.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), clientId + ".example",
                SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"), Set.of(), List.of("Cl"),
                IdTokenSigningAlgorithm.ES256, true, RelyingParty.Source.ADMIN);
    }
}
