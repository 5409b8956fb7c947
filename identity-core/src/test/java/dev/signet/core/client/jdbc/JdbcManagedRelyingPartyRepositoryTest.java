package dev.signet.core.client.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import dev.signet.core.testing.PostgresTestServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcManagedRelyingPartyRepositoryTest {

    private static final String SECRET_A = "a".repeat(64);
    private static final String SECRET_B = "b".repeat(64);
    private static final String SECRET_C = "c".repeat(64);

    private JdbcManagedRelyingPartyRepository managed;
    private JdbcRelyingPartyRepository served;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = PostgresTestServer.newMigratedDatabase();
        managed = new JdbcManagedRelyingPartyRepository(dataSource, Clock.systemUTC());
        served = new JdbcRelyingPartyRepository(dataSource, Clock.systemUTC());
    }

    private static RelyingParty secretClient(String clientId, String name, RelyingParty.Source source) {
        return new RelyingParty(clientId, name, List.of(URI.create("https://" + clientId + ".example/cb")), List.of(),
                Optional.empty(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(),
                Optional.of(SECRET_A), clientId + ".example", SubjectType.PAIRWISE,
                Set.of("authorization_code", "client_credentials"), Set.of("openid"), Set.of(), List.of("Cl"),
                IdTokenSigningAlgorithm.ES256, false, source);
    }

    @Test
    void aCreatedRelyingPartyIsEnabledAdminManagedAndServed() {
        ManagedRelyingParty created = managed.create(secretClient("rp-new", "New", RelyingParty.Source.FILE),
                Optional.of(URI.create("https://rp-new.example/sector.json"))).orElseThrow();

        assertThat(created.enabled()).isTrue();
        assertThat(created.registration().source()).isEqualTo(RelyingParty.Source.ADMIN);
        assertThat(created.sectorIdentifierUri()).contains(URI.create("https://rp-new.example/sector.json"));
        assertThat(served.findByClientId("rp-new")).contains(created.registration());
        assertThat(managed.create(secretClient("rp-new", "Again", RelyingParty.Source.ADMIN), Optional.empty()))
                .as("the client id is taken").isEmpty();
    }

    @Test
    void anUpdateNeedsTheVersionReadAndKeepsTheSecret() {
        ManagedRelyingParty created = managed.create(secretClient("rp-upd", "Before", RelyingParty.Source.ADMIN),
                Optional.empty()).orElseThrow();
        RelyingParty renamed = secretClient("rp-upd", "After", RelyingParty.Source.ADMIN);

        ManagedRelyingParty updated = managed.update(renamed, Optional.empty(), created.updatedAt()).orElseThrow();

        assertThat(updated.registration().name()).isEqualTo("After");
        assertThat(updated.registration().clientSecretSha256()).contains(SECRET_A);
        assertThat(updated.updatedAt()).isAfter(created.updatedAt());
        assertThat(managed.update(renamed, Optional.empty(), created.updatedAt())).as("stale version").isEmpty();
    }

    @Test
    void aDisabledRelyingPartyIsNotServedUntilEnabledAgain() {
        ManagedRelyingParty created = managed.create(secretClient("rp-dis", "Dis", RelyingParty.Source.ADMIN),
                Optional.empty()).orElseThrow();

        ManagedRelyingParty disabled = managed.setEnabled("rp-dis", false, created.updatedAt()).orElseThrow();

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.tokensNotBefore()).contains(disabled.updatedAt());
        assertThat(served.findByClientId("rp-dis")).isEmpty();
        assertThat(served.findAll()).extracting(RelyingParty::clientId).doesNotContain("rp-dis");
        assertThat(managed.find("rp-dis")).isPresent();

        ManagedRelyingParty enabled = managed.setEnabled("rp-dis", true, disabled.updatedAt()).orElseThrow();

        assertThat(served.findByClientId("rp-dis")).isPresent();
        assertThat(enabled.tokensNotBefore()).as("kept after enabling").isEqualTo(disabled.tokensNotBefore());
    }

    @Test
    void aRotationWithOverlapKeepsTheOldSecretUntilTheEndAndOneWithoutDropsIt() {
        ManagedRelyingParty created = managed.create(secretClient("rp-rot", "Rot", RelyingParty.Source.ADMIN),
                Optional.empty()).orElseThrow();
        Instant until = Instant.now().plus(Duration.ofHours(1));

        ManagedRelyingParty overlapping = managed.rotateSecret("rp-rot", SECRET_B, Optional.of(until),
                created.updatedAt()).orElseThrow();

        assertThat(overlapping.registration().clientSecretSha256()).contains(SECRET_B);
        assertThat(overlapping.previousSecretValidAt(Instant.now())).contains(SECRET_A);
        assertThat(overlapping.previousSecretValidAt(until)).isEmpty();

        ManagedRelyingParty replaced = managed.rotateSecret("rp-rot", SECRET_C, Optional.empty(),
                overlapping.updatedAt()).orElseThrow();

        assertThat(replaced.registration().clientSecretSha256()).contains(SECRET_C);
        assertThat(replaced.previousSecret()).isEmpty();
    }

    @Test
    void aFileDeclaredRelyingPartyChangedThroughTheApiIsNoLongerOverwrittenByTheFile() {
        served.replaceFileDeclared(List.of(secretClient("rp-file", "From file", RelyingParty.Source.FILE)));
        ManagedRelyingParty fromFile = managed.find("rp-file").orElseThrow();
        managed.update(secretClient("rp-file", "Taken over", RelyingParty.Source.FILE), Optional.empty(),
                fromFile.updatedAt()).orElseThrow();

        List<String> leftAlone = served.replaceFileDeclared(List.of(secretClient("rp-file", "From file",
                RelyingParty.Source.FILE)));

        assertThat(leftAlone).containsExactly("rp-file");
        assertThat(managed.find("rp-file").orElseThrow().registration().name()).isEqualTo("Taken over");
    }

    @Test
    void pagesFollowTheClientIds() {
        for (String id : List.of("page-c", "page-a", "page-b")) {
            managed.create(secretClient(id, id, RelyingParty.Source.ADMIN), Optional.empty()).orElseThrow();
        }

        List<ManagedRelyingParty> first = managed.page(Optional.empty(), 2);
        List<ManagedRelyingParty> second = managed.page(Optional.of(first.get(1).clientId()), 2);

        assertThat(first).extracting(ManagedRelyingParty::clientId).containsExactly("page-a", "page-b");
        assertThat(second).extracting(ManagedRelyingParty::clientId).containsExactly("page-c");
    }
}
