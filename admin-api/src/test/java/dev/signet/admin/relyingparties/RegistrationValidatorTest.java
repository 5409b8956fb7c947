package dev.signet.admin.relyingparties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.admin.web.InvalidRequestException;
import dev.signet.core.client.SubjectType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pairwise sector of OpenID Connect Core §8.1 against a real HTTPS server holding sector identifier documents,
 * and the other checks that need no database.
 */
class RegistrationValidatorTest {

    private static HttpsDocumentServer documents;
    private static RegistrationValidator validator;

    @BeforeAll
    static void startDocumentServer() throws Exception {
        documents = new HttpsDocumentServer();
        validator = new RegistrationValidator(new SectorIdentifierDocuments(documents.trustingClient()));
    }

    @AfterAll
    static void stopDocumentServer() {
        documents.close();
    }

    private static RelyingPartyRequest twoHosts(String sectorIdentifierUri) {
        return new RelyingPartyRequest("two-hosts", "Two hosts", "none",
                List.of("https://a.service.example/cb", "https://b.service.example/cb"), null, null, null, null, null,
                sectorIdentifierUri, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aDocumentListingEveryRedirectUriMakesItsHostTheSector() {
        URI document = documents.serve("/complete.json",
                "[\"https://a.service.example/cb\", \"https://b.service.example/cb\", \"https://c.example/cb\"]");

        RegistrationValidator.Valid valid = validator.validate(twoHosts(document.toString()), Optional.empty(),
                Optional.empty());

        assertThat(valid.registration().sectorIdentifier()).isEqualTo("127.0.0.1");
        assertThat(valid.registration().subjectType()).isEqualTo(SubjectType.PAIRWISE);
        assertThat(valid.sectorIdentifierUri()).contains(document);
    }

    @Test
    void aDocumentMissingARedirectUriOrNotAnArrayIsAProblemNamingTheField() {
        URI partial = documents.serve("/partial.json", "[\"https://a.service.example/cb\"]");
        URI object = documents.serve("/object.json", "{\"redirect_uris\": []}");
        URI missing = URI.create(partial.toString().replace("/partial.json", "/never-served.json"));

        assertThatThrownBy(() -> validator.validate(twoHosts(partial.toString()), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.parameter()).isEqualTo("sector_identifier_uri");
                            assertThat(error.detail()).contains("https://b.service.example/cb");
                        }));
        assertThatThrownBy(() -> validator.validate(twoHosts(object.toString()), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).detail())
                        .contains("JSON array"));
        assertThatThrownBy(() -> validator.validate(twoHosts(missing.toString()), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).detail())
                        .contains("HTTP 404"));
    }

    @Test
    void aPublicSubjectClientMayHaveSeveralHostsWithoutADocument() {
        RelyingPartyRequest request = new RelyingPartyRequest("public-hosts", "Public", "none",
                List.of("https://a.service.example/cb", "https://b.service.example/cb"), null, null, null, null, null,
                null, "public", null, null, null, null, null, null, null, null);

        assertThat(validator.validate(request, Optional.empty(), Optional.empty()).registration().subjectType())
                .isEqualTo(SubjectType.PUBLIC);
    }
}
