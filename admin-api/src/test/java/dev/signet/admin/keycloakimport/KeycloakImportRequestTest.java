package dev.signet.admin.keycloakimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.admin.web.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeycloakImportRequestTest {

    private static final KeycloakImportRequest.Credentials SERVICE_ACCOUNT =
            new KeycloakImportRequest.Credentials(null, "signet-import", "s3cret-value", null, null);

    @Test
    void aServiceAccountAuthenticatesInTheImportedRealmWithDefaults() {
        KeycloakImportPlan plan = new KeycloakImportRequest("https://keycloak.example/", "planning", "planning-portal",
                SERVICE_ACCOUNT, null, null).plan();

        assertThat(plan.source().serverUrl()).hasToString("https://keycloak.example");
        assertThat(plan.source().authRealm()).isEqualTo("planning");
        assertThat(plan.source().clientSecret()).contains("s3cret-value");
        assertThat(plan.source().username()).isEmpty();
        assertThat(plan.pageSize()).isEqualTo(100);
        assertThat(plan.attributes()).isEmpty();
    }

    @Test
    void anAdministratorSignsInToTheMasterRealmWithAdminCli() {
        KeycloakImportPlan plan = new KeycloakImportRequest("http://127.0.0.1:8180", "planning", "planning-portal",
                new KeycloakImportRequest.Credentials("master", null, null, "admin", "pw"), List.of("customerRef"),
                50).plan();

        assertThat(plan.source().authRealm()).isEqualTo("master");
        assertThat(plan.source().clientId()).isEqualTo("admin-cli");
        assertThat(plan.source().username()).isEqualTo(Optional.of("admin"));
        assertThat(plan.attributes()).containsExactly("customerRef");
        assertThat(plan.pageSize()).isEqualTo(50);
    }

    @Test
    void everyProblemIsNamedAndNoSecretIsPrinted() {
        KeycloakImportRequest request = new KeycloakImportRequest("http://keycloak.example", "planning realm", null,
                new KeycloakImportRequest.Credentials(null, null, null, "admin", null), List.of(""), 501);

        assertThatThrownBy(request::plan).isInstanceOfSatisfying(InvalidRequestException.class, e ->
                assertThat(e.errors()).extracting(InvalidRequestException.FieldError::parameter)
                        .containsExactlyInAnyOrder("server_url", "realm", "connector", "attributes", "page_size",
                                "credentials"));
        assertThat(new KeycloakImportRequest("https://k.example", "r", "c", SERVICE_ACCOUNT, null, null).toString())
                .doesNotContain("s3cret-value");
        assertThat(new KeycloakImportRequest("https://k.example", "r", "c", SERVICE_ACCOUNT, null, null).plan()
                .source().toString()).doesNotContain("s3cret-value");
    }
}
