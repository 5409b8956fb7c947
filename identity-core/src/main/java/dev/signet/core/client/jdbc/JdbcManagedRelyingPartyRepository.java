package dev.signet.core.client.jdbc;

import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.ManagedRelyingPartyRepository;
import dev.signet.core.client.RelyingParty;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ManagedRelyingPartyRepository} on PostgreSQL: the same {@code relying_party} rows as
 * {@link JdbcRelyingPartyRepository}, with the administration columns of migration V96. Changes are single conditional
 * statements ({@code WHERE updated_at = ?}), so two operators never overwrite each other.
 */
public final class JdbcManagedRelyingPartyRepository implements ManagedRelyingPartyRepository {

    private static final String SELECT = "SELECT " + JdbcRelyingPartyRepository.COLUMNS + ", disabled_at, "
            + "previous_client_secret_sha256, previous_client_secret_expires_at, sector_identifier_uri, "
            + "tokens_not_before, updated_at FROM relying_party ";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcManagedRelyingPartyRepository(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ManagedRelyingParty> find(String clientId) {
        return jdbc.sql(SELECT + "WHERE client_id = ?").param(clientId).query(JdbcManagedRelyingPartyRepository::map)
                .optional();
    }

    @Override
    public List<ManagedRelyingParty> page(Optional<String> afterClientId, int limit) {
        return jdbc.sql(SELECT + "WHERE client_id COLLATE \"C\" > ? ORDER BY client_id COLLATE \"C\" LIMIT ?")
                .params(afterClientId.orElse(""), limit)
                .query(JdbcManagedRelyingPartyRepository::map)
                .list();
    }

    @Override
    public Optional<ManagedRelyingParty> create(RelyingParty registration, Optional<URI> sectorIdentifierUri) {
        RelyingParty admin = asAdmin(registration);
        List<Object> values = new ArrayList<>(JdbcRelyingPartyRepository.parameters(admin, now()));
        values.add(sectorIdentifierUri.map(URI::toString).orElse(null));
        int inserted = jdbc.sql("INSERT INTO relying_party (" + JdbcRelyingPartyRepository.COLUMNS
                        + ", updated_at, sector_identifier_uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING")
                .params(values)
                .update();
        return inserted == 1 ? find(registration.clientId()) : Optional.empty();
    }

    @Override
    public Optional<ManagedRelyingParty> update(RelyingParty registration, Optional<URI> sectorIdentifierUri,
            Instant expectedVersion) {
        RelyingParty rp = asAdmin(registration);
        boolean usesSecret = rp.authMethod().usesSecret();
        int updated = jdbc.sql("UPDATE relying_party SET name = ?, redirect_uris = ?, post_logout_redirect_uris = ?, "
                        + "backchannel_logout_uri = ?, token_endpoint_auth_method = ?, jwks = ?, jwks_uri = ?, "
                        // Secrets change only by rotation; a method without a secret drops it.
                        + "client_secret_sha256 = CASE WHEN ? THEN client_secret_sha256 END, "
                        + "previous_client_secret_sha256 = CASE WHEN ? THEN previous_client_secret_sha256 END, "
                        + "previous_client_secret_expires_at = CASE WHEN ? THEN previous_client_secret_expires_at END, "
                        + "sector_identifier = ?, subject_type = ?, grant_types = ?, scopes = ?, claims = ?, "
                        + "allowed_vtr = ?, required_vtr = ?, id_token_signing_alg = ?, require_pkce = ?, "
                        + "source = 'ADMIN', events_uri = ?, department = ?, sector_identifier_uri = ?, updated_at = ? "
                        + "WHERE client_id = ? AND updated_at = ?")
                .params(rp.name(), JdbcRelyingPartyRepository.uris(rp.redirectUris()),
                        JdbcRelyingPartyRepository.uris(rp.postLogoutRedirectUris()),
                        rp.backchannelLogoutUri().map(URI::toString).orElse(null), rp.authMethod().value(),
                        rp.jwks().orElse(null), rp.jwksUri().map(URI::toString).orElse(null),
                        usesSecret, usesSecret, usesSecret,
                        rp.sectorIdentifier(), rp.subjectType().value(),
                        JdbcRelyingPartyRepository.sorted(rp.grantTypes()), JdbcRelyingPartyRepository.sorted(
                                rp.scopes()), JdbcRelyingPartyRepository.sorted(rp.claims()),
                        rp.allowedVtr().toArray(String[]::new), rp.requiredVtr().orElse(null),
                        rp.idTokenSigningAlgorithm().name(), rp.requirePkce(),
                        rp.eventsUri().map(URI::toString).orElse(null), rp.department().orElse(null),
                        sectorIdentifierUri.map(URI::toString).orElse(null), now(), rp.clientId(),
                        Timestamp.from(expectedVersion))
                .update();
        return updated == 1 ? find(rp.clientId()) : Optional.empty();
    }

    @Override
    public Optional<ManagedRelyingParty> setEnabled(String clientId, boolean enabled, Instant expectedVersion) {
        Timestamp now = now();
        int updated = jdbc.sql("UPDATE relying_party SET disabled_at = CASE WHEN ? THEN NULL "
                        + "ELSE coalesce(disabled_at, ?) END, "
                        + "tokens_not_before = CASE WHEN ? THEN tokens_not_before ELSE ? END, "
                        + "source = 'ADMIN', updated_at = ? WHERE client_id = ? AND updated_at = ?")
                .params(enabled, now, enabled, now, now, clientId, Timestamp.from(expectedVersion))
                .update();
        return updated == 1 ? find(clientId) : Optional.empty();
    }

    @Override
    public Optional<ManagedRelyingParty> rotateSecret(String clientId, String newSecretSha256,
            Optional<Instant> previousValidUntil, Instant expectedVersion) {
        // Cut to PostgreSQL's microseconds here, not rounded there, so the overlap never ends later than asked.
        Timestamp until = previousValidUntil.map(instant -> Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS)))
                .orElse(null);
        int updated = jdbc.sql("UPDATE relying_party SET "
                        + "previous_client_secret_sha256 = CASE WHEN ?::timestamptz IS NULL THEN NULL "
                        + "ELSE client_secret_sha256 END, "
                        + "previous_client_secret_expires_at = CASE WHEN client_secret_sha256 IS NULL THEN NULL "
                        + "ELSE ?::timestamptz END, "
                        + "client_secret_sha256 = ?, source = 'ADMIN', updated_at = ? "
                        + "WHERE client_id = ? AND updated_at = ?")
                .params(until, until, newSecretSha256, now(), clientId, Timestamp.from(expectedVersion))
                .update();
        return updated == 1 ? find(clientId) : Optional.empty();
    }

    /** PostgreSQL keeps microseconds: versions are cut to them so that what is written is what is read. */
    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static RelyingParty asAdmin(RelyingParty rp) {
        if (rp.source() == RelyingParty.Source.ADMIN) {
            return rp;
        }
        return new RelyingParty(rp.clientId(), rp.name(), rp.redirectUris(), rp.postLogoutRedirectUris(),
                rp.backchannelLogoutUri(), rp.authMethod(), rp.jwks(), rp.jwksUri(), rp.clientSecretSha256(),
                rp.sectorIdentifier(), rp.subjectType(), rp.grantTypes(), rp.scopes(), rp.claims(), rp.allowedVtr(),
                rp.requiredVtr(), rp.idTokenSigningAlgorithm(), rp.requirePkce(), RelyingParty.Source.ADMIN,
                rp.eventsUri(), rp.department());
    }

    private static ManagedRelyingParty map(ResultSet rs, int row) throws SQLException {
        String previous = rs.getString("previous_client_secret_sha256");
        Timestamp previousExpiry = rs.getTimestamp("previous_client_secret_expires_at");
        return new ManagedRelyingParty(JdbcRelyingPartyRepository.map(rs, row),
                Optional.ofNullable(rs.getString("sector_identifier_uri")).map(URI::create),
                rs.getTimestamp("disabled_at") == null,
                previous == null || previousExpiry == null ? Optional.empty()
                        : Optional.of(new ManagedRelyingParty.PreviousClientSecret(previous,
                                previousExpiry.toInstant())),
                Optional.ofNullable(rs.getTimestamp("tokens_not_before")).map(Timestamp::toInstant),
                rs.getTimestamp("updated_at").toInstant());
    }
}
