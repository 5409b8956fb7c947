package dev.signet.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RelyingPartyRepository} adapter must have. */
public abstract class RelyingPartyRepositoryContract {

    protected abstract RelyingPartyRepository repository();

    protected static RelyingParty relyingParty(String clientId, RelyingParty.Source source) {
        return new RelyingParty(clientId, "Service " + clientId,
                List.of(URI.create("https://" + clientId + ".example/callback"), URI.create("http://127.0.0.1:9000/cb")),
                List.of(URI.create("https://" + clientId + ".example/signed-out")),
                Optional.of(URI.create("https://" + clientId + ".example/backchannel")),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(),
                Optional.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                "sector.example", SubjectType.PAIRWISE, Set.of("authorization_code", "refresh_token"),
                Set.of("openid", "email"), Set.of("email", "email_verified"), List.of("Cl.Cm", "Cl"),
                Optional.of("Cl.Cm"), IdTokenSigningAlgorithm.ES256, true, source, Optional.empty(), Optional.empty());
    }

    @Test
    void savedRelyingPartyIsFoundByClientIdWithEveryField() {
        RelyingParty rp = relyingParty("dept-tax", RelyingParty.Source.FILE);

        repository().save(rp);

        assertThat(repository().findByClientId("dept-tax")).contains(rp);
    }

    @Test
    void keyedRelyingPartyKeepsItsKeysAndPublicSubjects() {
        RelyingParty rp = new RelyingParty("dept-keys", "Keys", List.of(URI.create("https://keys.example/cb")),
                List.of(), Optional.empty(), TokenEndpointAuthMethod.PRIVATE_KEY_JWT,
                Optional.of("{\"keys\":[]}"), Optional.of(URI.create("https://keys.example/jwks")), Optional.empty(),
                "keys.example", SubjectType.PUBLIC, Set.of("client_credentials"), Set.of(), Set.of(), List.of(),
                IdTokenSigningAlgorithm.RS256, false, RelyingParty.Source.ADMIN);

        repository().save(rp);

        assertThat(repository().findByClientId("dept-keys")).contains(rp);
    }

    @Test
    void eventsEndpointAndDepartmentAreKept() {
        RelyingParty rp = relyingParty("dept-events", RelyingParty.Source.FILE).withSecurityEvents(
                Optional.of(URI.create("https://events.example/secevents")), Optional.of("dvla"));

        repository().save(rp);

        assertThat(repository().findByClientId("dept-events")).contains(rp);
    }

    @Test
    void unknownClientIdIsEmpty() {
        assertThat(repository().findByClientId("nobody")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheRelyingParty() {
        repository().save(relyingParty("dept-a", RelyingParty.Source.FILE));
        RelyingParty renamed = new RelyingParty("dept-a", "Renamed", List.of(URI.create("https://a.example/cb")),
                List.of(), Optional.empty(), TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), "a.example", SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"),
                Set.of(), List.of("Cl"), IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.FILE);

        repository().save(renamed);

        assertThat(repository().findByClientId("dept-a")).contains(renamed);
        assertThat(repository().findAll()).hasSize(1);
    }

    @Test
    void replacingFileDeclaredRemovesDroppedFileEntriesButKeepsAdminOnes() {
        repository().save(relyingParty("file-kept", RelyingParty.Source.FILE));
        repository().save(relyingParty("file-dropped", RelyingParty.Source.FILE));
        repository().save(relyingParty("admin-added", RelyingParty.Source.ADMIN));

        repository().replaceFileDeclared(List.of(relyingParty("file-kept", RelyingParty.Source.FILE),
                relyingParty("file-new", RelyingParty.Source.FILE)));

        assertThat(repository().findAll()).extracting(RelyingParty::clientId)
                .containsExactly("admin-added", "file-kept", "file-new");
    }

    @Test
    void theFileNeverOverwritesARelyingPartyTheAdminApiManages() {
        repository().save(relyingParty("admin-managed", RelyingParty.Source.ADMIN));
        RelyingParty fileVersion = new RelyingParty("admin-managed", "From the file",
                List.of(URI.create("https://file.example/cb")), List.of(), Optional.empty(),
                TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(), Optional.empty(), "file.example",
                SubjectType.PAIRWISE, Set.of("authorization_code"), Set.of("openid"), Set.of(), List.of("Cl"),
                IdTokenSigningAlgorithm.ES256, false, RelyingParty.Source.FILE);

        List<String> leftAlone = repository().replaceFileDeclared(List.of(fileVersion,
                relyingParty("file-other", RelyingParty.Source.FILE)));

        assertThat(leftAlone).containsExactly("admin-managed");
        assertThat(repository().findByClientId("admin-managed"))
                .contains(relyingParty("admin-managed", RelyingParty.Source.ADMIN));
        assertThat(repository().findByClientId("file-other")).isPresent();
    }

    @Test
    void replacingWithNothingRemovesEveryFileEntry() {
        repository().save(relyingParty("file-only", RelyingParty.Source.FILE));

        repository().replaceFileDeclared(List.of());

        assertThat(repository().findAll()).isEmpty();
    }
}
