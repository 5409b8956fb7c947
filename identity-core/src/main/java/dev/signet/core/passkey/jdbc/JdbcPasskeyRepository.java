package dev.signet.core.passkey.jdbc;

import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.PasskeyUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PasskeyRepository} on PostgreSQL (tables {@code passkey_user} and {@code passkey}, migration V65). */
public final class JdbcPasskeyRepository implements PasskeyRepository {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String PASSKEY_COLUMNS = "credential_id, account_id, label, public_key_cose, signature_count, "
            + "uv_initialized, backup_eligible, backup_state, transports, attestation_object, "
            + "attestation_client_data_json, created_at, last_used_at";

    private final JdbcClient jdbc;

    public JdbcPasskeyRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<PasskeyUser> findUserByAccount(UUID accountId) {
        return jdbc.sql("SELECT account_id, user_handle, created_at FROM passkey_user WHERE account_id = ?")
                .param(accountId).query(JdbcPasskeyRepository::mapUser).optional();
    }

    @Override
    public Optional<PasskeyUser> findUserByHandle(String userHandle) {
        Optional<byte[]> handle = decode(userHandle);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT account_id, user_handle, created_at FROM passkey_user WHERE user_handle = ?")
                .param(handle.get()).query(JdbcPasskeyRepository::mapUser).optional();
    }

    @Override
    public PasskeyUser saveUserIfAbsent(PasskeyUser user) {
        jdbc.sql("""
                INSERT INTO passkey_user (account_id, user_handle, created_at) VALUES (?, ?, ?)
                ON CONFLICT (account_id) DO NOTHING""")
                .params(user.accountId(), DECODER.decode(user.userHandle()), Timestamp.from(user.createdAt()))
                .update();
        return findUserByAccount(user.accountId()).orElseThrow(
                () -> new IllegalStateException("The account of a new passkey user no longer exists"));
    }

    @Override
    public boolean deleteUser(String userHandle) {
        Optional<byte[]> handle = decode(userHandle);
        return handle.isPresent()
                && jdbc.sql("DELETE FROM passkey_user WHERE user_handle = ?").param(handle.get()).update() == 1;
    }

    @Override
    public List<Passkey> findByAccount(UUID accountId) {
        return jdbc.sql("SELECT " + PASSKEY_COLUMNS + " FROM passkey WHERE account_id = ? ORDER BY created_at, "
                        + "credential_id")
                .param(accountId).query(JdbcPasskeyRepository::mapPasskey).list();
    }

    @Override
    public Optional<Passkey> findByCredentialId(String credentialId) {
        Optional<byte[]> id = decode(credentialId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + PASSKEY_COLUMNS + " FROM passkey WHERE credential_id = ?")
                .param(id.get()).query(JdbcPasskeyRepository::mapPasskey).optional();
    }

    @Override
    public void save(Passkey passkey) {
        // One statement, so two saves of one credential cannot both insert. The WHERE keeps a credential id that is
        // already registered from moving to another account.
        int rows = jdbc.sql("""
                INSERT INTO passkey (credential_id, account_id, label, public_key_cose, signature_count,
                                     uv_initialized, backup_eligible, backup_state, transports, attestation_object,
                                     attestation_client_data_json, created_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (credential_id) DO UPDATE
                   SET signature_count = EXCLUDED.signature_count, backup_state = EXCLUDED.backup_state,
                       last_used_at = EXCLUDED.last_used_at
                 WHERE passkey.account_id = EXCLUDED.account_id""")
                .params(DECODER.decode(passkey.credentialId()), passkey.accountId(), passkey.label(),
                        passkey.publicKeyCose(), passkey.signatureCount(), passkey.uvInitialized(),
                        passkey.backupEligible(), passkey.backupState(),
                        String.join(",", new TreeSet<>(passkey.transports())), passkey.attestationObject(),
                        passkey.attestationClientDataJson(), Timestamp.from(passkey.createdAt()),
                        passkey.lastUsedAt().map(Timestamp::from).orElse(null))
                .update();
        if (rows != 1) {
            throw new IllegalStateException("The passkey is already registered to another account");
        }
    }

    @Override
    public boolean rename(UUID accountId, String credentialId, String label) {
        if (label.isBlank() || label.length() > Passkey.MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label must have 1 to " + Passkey.MAX_LABEL_LENGTH + " characters");
        }
        Optional<byte[]> id = decode(credentialId);
        return id.isPresent() && jdbc.sql("UPDATE passkey SET label = ? WHERE account_id = ? AND credential_id = ?")
                .params(label, accountId, id.get()).update() == 1;
    }

    @Override
    public boolean delete(UUID accountId, String credentialId) {
        Optional<byte[]> id = decode(credentialId);
        return id.isPresent() && jdbc.sql("DELETE FROM passkey WHERE account_id = ? AND credential_id = ?")
                .params(accountId, id.get()).update() == 1;
    }

    @Override
    public boolean delete(String credentialId) {
        Optional<byte[]> id = decode(credentialId);
        return id.isPresent() && jdbc.sql("DELETE FROM passkey WHERE credential_id = ?").param(id.get()).update() == 1;
    }

    /** Ids come from browsers: one that is not base64url matches nothing. */
    private static Optional<byte[]> decode(String base64Url) {
        try {
            byte[] bytes = DECODER.decode(base64Url);
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PasskeyUser mapUser(ResultSet rs, int row) throws SQLException {
        return new PasskeyUser(rs.getObject("account_id", UUID.class), ENCODER.encodeToString(rs.getBytes("user_handle")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Passkey mapPasskey(ResultSet rs, int row) throws SQLException {
        String transports = rs.getString("transports");
        Set<String> transportSet = transports.isEmpty() ? Set.of()
                : Arrays.stream(transports.split(",")).collect(Collectors.toUnmodifiableSet());
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new Passkey(
                ENCODER.encodeToString(rs.getBytes("credential_id")),
                rs.getObject("account_id", UUID.class),
                rs.getString("label"),
                rs.getBytes("public_key_cose"),
                rs.getLong("signature_count"),
                rs.getBoolean("uv_initialized"),
                rs.getBoolean("backup_eligible"),
                rs.getBoolean("backup_state"),
                transportSet,
                rs.getBytes("attestation_object"),
                rs.getBytes("attestation_client_data_json"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(lastUsed).map(Timestamp::toInstant));
    }
}
