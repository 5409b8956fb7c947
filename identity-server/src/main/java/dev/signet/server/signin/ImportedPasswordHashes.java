package dev.signet.server.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an account's password hash is still the one a bulk import wrote: the import keeps a SHA-256 digest of the
 * hash string it stored ({@code account_import_source.password_hash_digest}, bulk-import's JdbcImportWriter). Such a
 * password was never checked against Signet's password rules, since Signet only saw its hash.
 */
@Component
class ImportedPasswordHashes {

    private final JdbcClient jdbc;

    ImportedPasswordHashes(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    boolean stillImported(UUID accountId, String storedHash) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM account_import_source
                               WHERE account_id = :account AND password_hash_digest = :digest)""")
                .param("account", accountId).param("digest", sha256(storedHash))
                .query(Boolean.class).single();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
