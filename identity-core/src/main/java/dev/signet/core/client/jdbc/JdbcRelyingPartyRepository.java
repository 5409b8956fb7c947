package dev.signet.core.client.jdbc;

import dev.signet.core.client.IdTokenSigningAlgorithm;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.client.SubjectType;
import dev.signet.core.client.TokenEndpointAuthMethod;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RelyingPartyRepository} on PostgreSQL (table {@code relying_party}, migrations V20, V75, V87, V96). Disabled
 * relying parties ({@code disabled_at} set through the admin API) are not found: to the authorization server they do
 * not exist.
 */
public final class JdbcRelyingPartyRepository implements RelyingPartyRepository {

    static final String COLUMNS = """
            client_id, name, redirect_uris, post_logout_redirect_uris, backchannel_logout_uri,
            token_endpoint_auth_method, jwks, jwks_uri, client_secret_sha256, sector_identifier, subject_type,
            grant_types, scopes, claims, allowed_vtr, required_vtr, id_token_signing_alg, require_pkce, source,
            events_uri, department""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcRelyingPartyRepository(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<RelyingParty> findByClientId(String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM relying_party WHERE client_id = ? AND disabled_at IS NULL")
                .param(clientId)
                .query(JdbcRelyingPartyRepository::map)
                .optional();
    }

    @Override
    public List<RelyingParty> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM relying_party WHERE disabled_at IS NULL ORDER BY client_id")
                .query(JdbcRelyingPartyRepository::map)
                .list();
    }

    @Override
    public void save(RelyingParty rp) {
        upsert(rp, "");
    }

    /**
     * Inserts the relying party or updates the one with its client id where {@code condition} (a SQL condition on the
     * existing row, or empty) holds; the number of rows written.
     */
    private int upsert(RelyingParty rp, String condition) {
        return jdbc.sql("INSERT INTO relying_party (" + COLUMNS + ", updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (client_id) DO UPDATE SET name = EXCLUDED.name, "
                        + "redirect_uris = EXCLUDED.redirect_uris, "
                        + "post_logout_redirect_uris = EXCLUDED.post_logout_redirect_uris, "
                        + "backchannel_logout_uri = EXCLUDED.backchannel_logout_uri, "
                        + "token_endpoint_auth_method = EXCLUDED.token_endpoint_auth_method, "
                        + "jwks = EXCLUDED.jwks, jwks_uri = EXCLUDED.jwks_uri, "
                        + "client_secret_sha256 = EXCLUDED.client_secret_sha256, "
                        + "sector_identifier = EXCLUDED.sector_identifier, subject_type = EXCLUDED.subject_type, "
                        + "grant_types = EXCLUDED.grant_types, scopes = EXCLUDED.scopes, claims = EXCLUDED.claims, "
                        + "allowed_vtr = EXCLUDED.allowed_vtr, required_vtr = EXCLUDED.required_vtr, "
                        + "id_token_signing_alg = EXCLUDED.id_token_signing_alg, "
                        + "require_pkce = EXCLUDED.require_pkce, source = EXCLUDED.source, "
                        + "events_uri = EXCLUDED.events_uri, department = EXCLUDED.department, "
                        + "updated_at = EXCLUDED.updated_at" + condition)
                .params(parameters(rp, Timestamp.from(clock.instant())))
                .update();
    }

    /** The values of {@link #COLUMNS} and then {@code updated_at}, in that order. */
    static List<Object> parameters(RelyingParty rp, Timestamp updatedAt) {
        return Arrays.asList(rp.clientId(), rp.name(), uris(rp.redirectUris()), uris(rp.postLogoutRedirectUris()),
                rp.backchannelLogoutUri().map(URI::toString).orElse(null), rp.authMethod().value(),
                rp.jwks().orElse(null), rp.jwksUri().map(URI::toString).orElse(null),
                rp.clientSecretSha256().orElse(null), rp.sectorIdentifier(), rp.subjectType().value(),
                sorted(rp.grantTypes()), sorted(rp.scopes()), sorted(rp.claims()),
                rp.allowedVtr().toArray(String[]::new), rp.requiredVtr().orElse(null),
                rp.idTokenSigningAlgorithm().name(), rp.requirePkce(), rp.source().name(),
                rp.eventsUri().map(URI::toString).orElse(null), rp.department().orElse(null), updatedAt);
    }

    @Override
    public List<String> replaceFileDeclared(List<RelyingParty> declared) {
        return transactions.execute(status -> {
            String[] keep = declared.stream().map(RelyingParty::clientId).toArray(String[]::new);
            jdbc.sql("DELETE FROM relying_party WHERE source = 'FILE' AND NOT (client_id = ANY (?))")
                    .param(keep)
                    .update();
            List<String> managedElsewhere = new ArrayList<>();
            for (RelyingParty rp : declared) {
                if (upsert(rp, " WHERE relying_party.source = 'FILE'") == 0) {
                    managedElsewhere.add(rp.clientId());
                }
            }
            return List.copyOf(managedElsewhere);
        });
    }

    static String[] uris(List<URI> uris) {
        return uris.stream().map(URI::toString).toArray(String[]::new);
    }

    static String[] sorted(java.util.Set<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static RelyingParty map(ResultSet rs, int row) throws SQLException {
        return new RelyingParty(
                rs.getString("client_id"),
                rs.getString("name"),
                strings(rs, "redirect_uris").stream().map(URI::create).toList(),
                strings(rs, "post_logout_redirect_uris").stream().map(URI::create).toList(),
                Optional.ofNullable(rs.getString("backchannel_logout_uri")).map(URI::create),
                TokenEndpointAuthMethod.fromValue(rs.getString("token_endpoint_auth_method")).orElseThrow(),
                Optional.ofNullable(rs.getString("jwks")),
                Optional.ofNullable(rs.getString("jwks_uri")).map(URI::create),
                Optional.ofNullable(rs.getString("client_secret_sha256")),
                rs.getString("sector_identifier"),
                SubjectType.fromValue(rs.getString("subject_type")).orElseThrow(),
                new LinkedHashSet<>(strings(rs, "grant_types")),
                new LinkedHashSet<>(strings(rs, "scopes")),
                new LinkedHashSet<>(strings(rs, "claims")),
                strings(rs, "allowed_vtr"),
                Optional.ofNullable(rs.getString("required_vtr")),
                IdTokenSigningAlgorithm.fromValue(rs.getString("id_token_signing_alg")).orElseThrow(),
                rs.getBoolean("require_pkce"),
                RelyingParty.Source.valueOf(rs.getString("source")),
                Optional.ofNullable(rs.getString("events_uri")).map(URI::create),
                Optional.ofNullable(rs.getString("department")));
    }
}
