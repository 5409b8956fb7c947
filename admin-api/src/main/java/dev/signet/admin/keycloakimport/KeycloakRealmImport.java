package dev.signet.admin.keycloakimport;

import dev.signet.bulkimport.BulkImportJob;
import dev.signet.bulkimport.ImportOptions;
import dev.signet.bulkimport.RejectedRow;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import: reads the realm's users a page at a time (Keycloak's {@code first}/{@code max}), with each user's
 * federated identity links, writes each page through the bulk import's job with the import's connector (so each
 * Keycloak id becomes a linked legacy identity of it), and records the page's per-user report and counts.
 *
 * <p>Idempotent like the bulk import: a user is found again by the Keycloak id (the import record's
 * {@code user_id}) or the email, so running the import again creates nothing and reports users unchanged.
 */
final class KeycloakRealmImport {

    private static final Logger log = LoggerFactory.getLogger(KeycloakRealmImport.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final JdbcKeycloakImportStore store;
    private final JdbcImportedAccounts importedAccounts;

    KeycloakRealmImport(DataSource dataSource, Clock clock, JdbcKeycloakImportStore store,
            JdbcImportedAccounts importedAccounts) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.importedAccounts = Objects.requireNonNull(importedAccounts, "importedAccounts");
    }

    /** Imports every user; the outcome is in the store. Closes {@code keycloak} when done. */
    void run(UUID id, KeycloakImportPlan plan, Keycloak keycloak) {
        try (keycloak) {
            BulkImportJob job = new BulkImportJob(dataSource, clock,
                    new ImportOptions(plan.pageSize(), Optional.of(plan.connectorId())));
            UsersResource users = keycloak.realm(plan.source().realm()).users();
            int position = 1;
            while (true) {
                List<UserRepresentation> page = readPage(users, position - 1, plan);
                if (page.isEmpty()) {
                    break;
                }
                List<KeycloakUser> read = page.stream().map(user -> KeycloakUser.of(user,
                        federatedIdentities(users, user, plan), plan.attributes())).toList();
                write(id, plan, job, read, position);
                position += page.size();
                if (page.size() < plan.pageSize()) {
                    break;
                }
            }
            store.finished(id, KeycloakImportState.SUCCEEDED, Optional.empty(), clock.instant());
        } catch (RuntimeException e) {
            String reason = e instanceof IllegalStateException database
                    ? "Writing to Signet's database failed: " + database.getMessage() + ". Start the import again."
                    : KeycloakRefusedException.from(e, plan.source()).getMessage();
            log.warn("Keycloak import {} of realm {} failed: {}", id, plan.source().realm(), reason, e);
            store.finished(id, KeycloakImportState.FAILED, Optional.of(reason), clock.instant());
        }
    }

    private static List<UserRepresentation> readPage(UsersResource users, int first, KeycloakImportPlan plan) {
        try {
            return users.list(first, plan.pageSize());
        } catch (RuntimeException e) {
            throw KeycloakRefusedException.from(e, plan.source());
        }
    }

    private static List<org.keycloak.representations.idm.FederatedIdentityRepresentation> federatedIdentities(
            UsersResource users, UserRepresentation user, KeycloakImportPlan plan) {
        try {
            return users.get(user.getId()).getFederatedIdentity();
        } catch (RuntimeException e) {
            throw KeycloakRefusedException.from(e, plan.source());
        }
    }

    /** Writes one page and records what became of each user. */
    private void write(UUID id, KeycloakImportPlan plan, BulkImportJob job, List<KeycloakUser> page,
            int firstPosition) {
        // PostgreSQL keeps microseconds: compare the writer's stamps with the start cut to them.
        Instant since = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RejectedRow> rejections = new ArrayList<>();
        BulkImportJob.Summary summary = job.run(new ByteArrayInputStream(ImportFileOfUsers.write(
                plan.source().realm(), page)), rejections::add);
        Map<Integer, String> rejectedRows = new HashMap<>();
        rejections.forEach(rejected -> rejectedRows.put(rejected.row(), rejected.reason()));
        Map<String, JdbcImportedAccounts.Imported> written = importedAccounts.find(plan.connectorId(),
                page.stream().map(KeycloakUser::id).toList(), since);
        List<KeycloakUserOutcome> lines = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            KeycloakUser user = page.get(i);
            String reason = rejectedRows.get(i + 1);
            JdbcImportedAccounts.Imported account = written.get(user.id());
            if (reason == null && account == null) {
                reason = "not written (no import record for this Keycloak id after the import)";
            }
            lines.add(reason != null
                    ? new KeycloakUserOutcome(user.id(), user.username(), KeycloakUserOutcome.REJECTED,
                            Optional.empty(), false, user.federatedIdentities().size(), Optional.of(reason))
                    : new KeycloakUserOutcome(user.id(), user.username(), account.outcome(),
                            Optional.of(account.accountId()), account.linked(), user.federatedIdentities().size(),
                            Optional.empty()));
        }
        store.progressed(id, firstPosition, lines, summary.linked(), clock.instant());
    }
}
