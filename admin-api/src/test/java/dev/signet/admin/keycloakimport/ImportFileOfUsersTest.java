package dev.signet.admin.keycloakimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.bulkimport.ImportFileReader;
import dev.signet.bulkimport.ImportUser;
import dev.signet.bulkimport.RejectedRow;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page of Keycloak users, as the bulk import reads it: what becomes of each field. */
class ImportFileOfUsersTest {

    @Test
    void keycloakUsersReadAsImportRowsWithTheirIdsAsUserIds() {
        KeycloakUser ada = new KeycloakUser("8d1f0c4e-1111-4a9e-9a11-2b4ba7c0f00d", "ada",
                Optional.of("ada@example.com"), true, true, Optional.of("Ada"), Optional.of("Lovelace"),
                Map.of("customerRef", List.of("PP-1")),
                List.of(new KeycloakUser.FederatedIdentity("gov-gateway", "GG-1", "ada.l")));
        KeycloakUser disabled = new KeycloakUser("2a9c0c4e-2222-4a9e-9a11-2b4ba7c0f00d", "grace",
                Optional.of("grace@example.com"), false, false, Optional.empty(), Optional.empty(), Map.of(),
                List.of());
        KeycloakUser noEmail = new KeycloakUser("f3b20c4e-3333-4a9e-9a11-2b4ba7c0f00d", "svc", Optional.empty(),
                false, true, Optional.empty(), Optional.empty(), Map.of(), List.of());
        List<ImportUser> read = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();

        new ImportFileReader().read(new ByteArrayInputStream(ImportFileOfUsers.write("planning",
                List.of(ada, disabled, noEmail))), read::add, rejected::add);

        assertThat(read).hasSize(2);
        ImportUser first = read.get(0);
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.userId()).contains(ada.id());
        assertThat(first.email()).isEqualTo("ada@example.com");
        assertThat(first.emailVerified()).isTrue();
        assertThat(first.blocked()).isFalse();
        assertThat(first.passwordHash()).isEmpty();
        assertThat(first.profileJson()).contains("\"given_name\":\"Ada\"").contains("\"customerRef\":[\"PP-1\"]")
                .contains("\"identity_provider\":\"gov-gateway\"").contains("\"username\":\"ada\"");
        assertThat(read.get(1).blocked()).isTrue();
        assertThat(read.get(1).emailVerified()).isFalse();
        assertThat(rejected).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(3);
            assertThat(row.reason()).contains("email");
        });
    }
}
