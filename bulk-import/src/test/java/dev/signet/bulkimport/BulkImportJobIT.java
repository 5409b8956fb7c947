package dev.signet.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.core.testing.PostgresTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The job against a real PostgreSQL with every migration: streaming in batches, idempotency, the update rules. */
class BulkImportJobIT {

    private static HikariDataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        dataSource = PostgresTestServer.newMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private final List<RejectedRow> rejected = new ArrayList<>();

    private BulkImportJob.Summary run(String json) {
        return job(100).run(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), rejected::add);
    }

    private static BulkImportJob job(int batchSize) {
        return new BulkImportJob(dataSource, Clock.systemUTC(), batchSize);
    }

    private static String domain() {
        return UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    private static long accountsIn(String domain) {
        return jdbc.sql("SELECT count(*) FROM account WHERE email_canonical LIKE ?").param("%@" + domain)
                .query(Long.class).single();
    }

    private static String column(String column, String email) {
        return jdbc.sql("SELECT " + column + "::text FROM account a LEFT JOIN account_import_source s"
                + " ON s.account_id = a.id WHERE a.email_canonical = ?").param(email.toLowerCase())
                .query(String.class).single();
    }

    @Test
    void aGeneratedFileIsImportedInBatchesAndASecondRunChangesNothing() throws Exception {
        String domain = domain();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ImportFileGenerator.write(file, 3000, domain);
        StringWriter report = new StringWriter();

        BulkImportJob.Summary first;
        try (RejectionReport rejections = new RejectionReport(report)) {
            first = job(250).run(new ByteArrayInputStream(file.toByteArray()), rejections);
        }
        BulkImportJob.Summary second = job(250).run(new ByteArrayInputStream(file.toByteArray()), rejected::add);

        assertThat(first).isEqualTo(new BulkImportJob.Summary(2700, 0, 0, 300, 0));
        assertThat(second).isEqualTo(new BulkImportJob.Summary(0, 0, 2700, 300, 0));
        assertThat(accountsIn(domain)).isEqualTo(2700);
        String[] lines = report.toString().split("\n");
        assertThat(lines).hasSize(300);
        assertThat(lines[0]).isEqualTo(
                "{\"row\":10,\"user_id\":\"gen|10\",\"reason\":\"email is missing or is not an email address\"}");
        assertThat(column("s.profile", "user-7@" + domain)).contains("\"given_name\": \"Given7\"")
                .contains("\"department\": \"dvla\"");
        assertThat(column("a.password_hash", "user-4@" + domain)).isEqualTo(ImportFileGenerator.BCRYPT);
        assertThat(column("a.password_hash", "user-5@" + domain)).startsWith("$signet-digest$d=sha256,s=prefix");
        assertThat(column("a.email_verified", "user-3@" + domain)).isEqualTo("true");
    }

    @Test
    void aChangedRowUpdatesItsAccountFoundByUserIdAndKeepsTheAccount() {
        String domain = domain();
        run("[{\"email\": \"old@" + domain + "\", \"user_id\": \"auth0|1\", \"given_name\": \"Ada\"}]");
        String id = column("a.id", "old@" + domain);

        BulkImportJob.Summary changed = run("[{\"email\": \"New@" + domain + "\", \"user_id\": \"auth0|1\","
                + " \"given_name\": \"Adah\", \"email_verified\": true, \"blocked\": true}]");

        assertThat(changed).isEqualTo(new BulkImportJob.Summary(0, 1, 0, 0, 0));
        assertThat(accountsIn(domain)).isEqualTo(1);
        assertThat(column("a.id", "new@" + domain)).isEqualTo(id);
        assertThat(column("a.email", "new@" + domain)).isEqualTo("New@" + domain);
        assertThat(column("a.status", "new@" + domain)).isEqualTo("BLOCKED");
        assertThat(column("s.profile", "new@" + domain)).contains("Adah");
    }

    @Test
    void rowsWithoutUserIdAreFoundByTheirNormalisedEmail() {
        String domain = domain();
        run("[{\"email\": \"Bob@" + domain + "\"}]");

        BulkImportJob.Summary again = run("[{\"email\": \" bob@" + domain.toUpperCase() + "\"},"
                + " {\"email\": \"BOB@" + domain + "\", \"email_verified\": true}]");

        assertThat(accountsIn(domain)).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(2);
        assertThat(column("a.email_verified", "bob@" + domain)).isEqualTo("true");
    }

    @Test
    void aPasswordTheCitizenHasSinceReplacedIsNeverOverwritten() {
        String domain = domain();
        String first = "[{\"email\": \"kept@" + domain + "\", \"password_hash\": \"" + ImportFileGenerator.BCRYPT
                + "\"}, {\"email\": \"replaced@" + domain + "\", \"password_hash\": \"" + ImportFileGenerator.BCRYPT
                + "\"}]";
        run(first);
        String upgraded = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGg";
        jdbc.sql("UPDATE account SET password_hash = ? WHERE email_canonical = ?").params(upgraded, "kept@" + domain)
                .update();

        run(first.replace(ImportFileGenerator.BCRYPT, ImportFileGenerator.DJANGO));

        assertThat(column("a.password_hash", "kept@" + domain)).isEqualTo(upgraded);
        assertThat(column("a.password_hash", "replaced@" + domain)).isEqualTo(ImportFileGenerator.DJANGO);
    }

    @Test
    void anAccountMadeBySignUpKeepsItsPasswordAndGainsTheImportRecord() {
        String domain = domain();
        String own = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGg";
        jdbc.sql("INSERT INTO account (id, email, email_canonical, email_verified, password_hash, status, created_at,"
                + " updated_at) VALUES (?, ?, ?, true, ?, 'ACTIVE', now(), now())")
                .params(UUID.randomUUID(), "cit@" + domain, "cit@" + domain, own).update();

        BulkImportJob.Summary summary = run("[{\"email\": \"cit@" + domain + "\", \"user_id\": \"legacy|9\","
                + " \"email_verified\": false, \"password_hash\": \"" + ImportFileGenerator.BCRYPT + "\"}]");

        assertThat(summary).isEqualTo(new BulkImportJob.Summary(0, 1, 0, 0, 0));
        assertThat(column("a.password_hash", "cit@" + domain)).isEqualTo(own);
        assertThat(column("a.email_verified", "cit@" + domain)).isEqualTo("true");
        assertThat(column("s.source_user_id", "cit@" + domain)).isEqualTo("legacy|9");
    }

    @Test
    void anEmailOfAnotherAccountOrAnotherUserIdIsRejected() {
        String domain = domain();
        run("[{\"email\": \"a@" + domain + "\", \"user_id\": \"s|a\"}, {\"email\": \"b@" + domain
                + "\", \"user_id\": \"s|b\", \"legacy_identity\": {\"connector\": \"vehicle-tax\", \"subject\": \"VT-b\"}}]");

        BulkImportJob.Summary summary = run("[{\"email\": \"b@" + domain + "\", \"user_id\": \"s|a\"},"
                + " {\"email\": \"a@" + domain + "\", \"user_id\": \"s|c\"}]");

        assertThat(summary).isEqualTo(new BulkImportJob.Summary(0, 0, 0, 2, 0));
        assertThat(rejected).extracting(RejectedRow::row).containsExactly(1, 2);
        assertThat(rejected.get(0).reason()).contains("belongs to another account than this user_id's");
        assertThat(rejected.get(1).reason()).contains("imported with another user_id");
        assertThat(column("s.legacy_connector || ':' || s.legacy_subject", "b@" + domain))
                .isEqualTo("vehicle-tax:VT-b");
    }

    @Test
    void theSameUserTwiceInOneFileMakesOneAccount() {
        String domain = domain();

        BulkImportJob.Summary summary = run("[{\"email\": \"twice@" + domain + "\", \"user_id\": \"t|1\"},"
                + " {\"email\": \"twice@" + domain + "\", \"user_id\": \"t|1\", \"given_name\": \"Second\"}]");

        assertThat(summary).isEqualTo(new BulkImportJob.Summary(1, 1, 0, 0, 0));
        assertThat(accountsIn(domain)).isEqualTo(1);
        assertThat(column("s.profile", "twice@" + domain)).contains("Second");
    }

    private static List<String> links(String email) {
        return jdbc.sql("SELECT l.connector_id || ':' || l.legacy_subject || ':' || l.linked_by"
                + " FROM linked_legacy_identity l JOIN account a ON a.id = l.account_id"
                + " WHERE a.email_canonical = ? ORDER BY 1")
                .param(email.toLowerCase()).query(String.class).list();
    }

    @Test
    void withAConnectorEachUserIdAndLegacyIdentityIsLinkedOnceToItsAccount() {
        String domain = domain();
        String connector = "legacy-" + domain;
        String file = "[{\"email\": \"one@" + domain + "\", \"user_id\": \"auth0|1-" + domain + "\"},"
                + " {\"email\": \"two@" + domain + "\", \"user_id\": \"auth0|2-" + domain + "\", \"legacy_identity\":"
                + " {\"connector\": \"tax-" + domain + "\", \"subject\": \"T-2\"}},"
                + " {\"email\": \"three@" + domain + "\"}]";
        BulkImportJob job = new BulkImportJob(dataSource, Clock.systemUTC(),
                ImportOptions.defaults().withConnector(connector));

        BulkImportJob.Summary first = job.run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                rejected::add);
        BulkImportJob.Summary again = job.run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                rejected::add);

        assertThat(first).isEqualTo(new BulkImportJob.Summary(3, 0, 0, 0, 3));
        assertThat(again).isEqualTo(new BulkImportJob.Summary(0, 0, 3, 0, 0));
        assertThat(links("one@" + domain)).containsExactly(connector + ":auth0|1-" + domain + ":bulk_import");
        assertThat(links("two@" + domain)).containsExactly(connector + ":auth0|2-" + domain + ":bulk_import",
                "tax-" + domain + ":T-2:bulk_import");
        assertThat(links("three@" + domain)).isEmpty();
    }

    @Test
    void anUnchangedRowIsLinkedWhenALaterRunNamesTheConnector() {
        String domain = domain();
        String file = "[{\"email\": \"later@" + domain + "\", \"user_id\": \"auth0|later-" + domain + "\"}]";
        run(file);

        BulkImportJob.Summary linking = new BulkImportJob(dataSource, Clock.systemUTC(),
                ImportOptions.defaults().withConnector("c-" + domain))
                .run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), rejected::add);

        assertThat(linking).isEqualTo(new BulkImportJob.Summary(0, 0, 1, 0, 1));
        assertThat(links("later@" + domain))
                .containsExactly("c-" + domain + ":auth0|later-" + domain + ":bulk_import");
    }

    @Test
    void aLegacyIdentityLinkedToAnotherAccountRejectsTheRow() {
        String domain = domain();
        String connector = "c-" + domain;
        run("[{\"email\": \"owner@" + domain + "\", \"legacy_identity\": {\"connector\": \"" + connector
                + "\", \"subject\": \"S-1-" + domain + "\"}}]");

        BulkImportJob.Summary summary = new BulkImportJob(dataSource, Clock.systemUTC(),
                ImportOptions.defaults().withConnector(connector)).run(new ByteArrayInputStream(
                        ("[{\"email\": \"other@" + domain + "\", \"user_id\": \"S-1-" + domain + "\"}]")
                                .getBytes(StandardCharsets.UTF_8)), rejected::add);

        assertThat(summary).isEqualTo(new BulkImportJob.Summary(0, 0, 0, 1, 0));
        assertThat(rejected.get(0).reason()).isEqualTo("the legacy identity (connector " + connector
                + ") is already linked to another account");
        assertThat(accountsIn(domain)).isEqualTo(1);
    }
}
