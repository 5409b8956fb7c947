package dev.signet.server.oidc.authorization.jdbc;

import dev.signet.server.oidc.authorization.AuthorizationJson;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.RefreshTokenClaim;
import dev.signet.server.oidc.authorization.TokenHashes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuthorizationStore} on PostgreSQL (migration V50): the authorization server's own JDBC layout, with
 * Signet's JSON mapper, and two small tables for rotation. A save and a family revocation both take a
 * transaction lock on the authorization id, so a rotation racing with a revocation either finishes first (and is then removed) or sees the
 * revocation and writes nothing.
 */
public final class JdbcAuthorizationStore extends JdbcOAuth2AuthorizationService implements AuthorizationStore {

    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcAuthorizationStore(DataSource dataSource, RegisteredClientRepository clients, Clock clock) {
        super(new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource")), clients);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        JsonMapper json = AuthorizationJson.mapper();
        setAuthorizationRowMapper(new JsonMapperOAuth2AuthorizationRowMapper(clients, json));
        JsonMapperOAuth2AuthorizationParametersMapper parameters = new JsonMapperOAuth2AuthorizationParametersMapper(json);
        setAuthorizationParametersMapper(authorization -> parameters.apply(AuthorizationJson.plain(authorization)));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        transactions.executeWithoutResult(status -> {
            lockRow(authorization.getId());
            if (isRevoked(authorization.getId())) {
                throw new FamilyRevokedException(authorization.getId());
            }
            super.save(authorization);
        });
    }

    @Override
    public RefreshTokenClaim claimRefreshToken(String refreshTokenValue, String authorizationId, Instant expiresAt) {
        String hash = TokenHashes.sha256(refreshTokenValue);
        int inserted = getJdbcOperations().update("""
                INSERT INTO oauth2_refresh_token_claim (token_hash, authorization_id, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (token_hash) DO NOTHING""", hash, authorizationId, Timestamp.from(expiresAt));
        if (inserted == 1) {
            return new RefreshTokenClaim.FirstUse();
        }
        return new RefreshTokenClaim.Reuse(familyOfHash(hash).orElse(authorizationId));
    }

    @Override
    public Optional<String> familyOfClaimedRefreshToken(String refreshTokenValue) {
        return familyOfHash(TokenHashes.sha256(refreshTokenValue));
    }

    @Override
    public void revokeFamily(String authorizationId, Instant until) {
        transactions.executeWithoutResult(status -> {
            lockRow(authorizationId);
            getJdbcOperations().update("""
                    INSERT INTO oauth2_revoked_authorization (authorization_id, expires_at) VALUES (?, ?)
                    ON CONFLICT (authorization_id) DO UPDATE SET expires_at = GREATEST(
                        oauth2_revoked_authorization.expires_at, EXCLUDED.expires_at)""",
                    authorizationId, Timestamp.from(until));
            getJdbcOperations().update("DELETE FROM oauth2_authorization WHERE id = ?", authorizationId);
        });
    }

    @Override
    public List<OAuth2Authorization> findByPrincipalName(String principalName) {
        return getJdbcOperations().queryForList(
                        "SELECT id FROM oauth2_authorization WHERE principal_name = ?", String.class, principalName)
                .stream().map(this::findById).filter(Objects::nonNull).toList();
    }

    /**
     * Deletes authorizations whose every token has expired, and rotation records and revocation markers that outlived
     * their tokens.
     */
    public int deleteExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        return getJdbcOperations().update("""
                DELETE FROM oauth2_authorization WHERE GREATEST(authorization_code_expires_at, access_token_expires_at,
                    oidc_id_token_expires_at, refresh_token_expires_at, user_code_expires_at, device_code_expires_at)
                    < ?""", now)
                + getJdbcOperations().update("DELETE FROM oauth2_refresh_token_claim WHERE expires_at < ?", now)
                + getJdbcOperations().update("DELETE FROM oauth2_revoked_authorization WHERE expires_at < ?", now);
    }

    private Optional<String> familyOfHash(String hash) {
        return getJdbcOperations().queryForList("""
                        SELECT authorization_id FROM oauth2_refresh_token_claim WHERE token_hash = ? AND expires_at > ?""",
                        String.class, hash, Timestamp.from(clock.instant()))
                .stream().findFirst();
    }

    private boolean isRevoked(String authorizationId) {
        Integer count = getJdbcOperations().queryForObject(
                "SELECT count(*) FROM oauth2_revoked_authorization WHERE authorization_id = ?", Integer.class,
                authorizationId);
        return count != null && count > 0;
    }

    /** A transaction-scoped lock on the authorization id, held whether or not its row exists yet. */
    private void lockRow(String authorizationId) {
        getJdbcOperations().queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 50))", Object.class,
                authorizationId);
    }
}
