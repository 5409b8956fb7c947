package dev.signet.server.oidc.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import dev.signet.server.oidc.authorization.jdbc.JdbcAuthorizationStore;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;

/** Rotation and reuse detection with the authorization server's real refresh provider and a real PostgreSQL store. */
class RefreshTokenRotationTest {

    private static final RegisteredClient ROTATING = client("rotating-rp", false);
    private static final RegisteredClient REUSING = client("reusing-rp", true);
    private static DataSource dataSource;

    private AuthorizationStore store;
    private RefreshTokenRotation rotation;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        dataSource = PostgresTestServer.newMigratedDatabase();
    }

    @BeforeEach
    void provider() {
        store = new JdbcAuthorizationStore(dataSource, new InMemoryRegisteredClientRepository(ROTATING, REUSING),
                Clock.systemUTC());
        OAuth2AccessTokenGenerator accessTokens = new OAuth2AccessTokenGenerator();
        rotation = new RefreshTokenRotation(new OAuth2RefreshTokenAuthenticationProvider(store,
                new DelegatingOAuth2TokenGenerator(accessTokens, new OAuth2RefreshTokenGenerator())), store,
                Clock.systemUTC(), meters);
    }

    @BeforeEach
    void issuer() {
        AuthorizationServerSettings settings = AuthorizationServerSettings.builder().issuer("http://localhost").build();
        AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return settings.getIssuer();
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        });
    }

    @AfterEach
    void noIssuer() {
        AuthorizationServerContextHolder.resetContext();
    }

    @Test
    void everyRefreshIssuesANewRefreshTokenInTheSameFamily() {
        OAuth2Authorization family = granted(ROTATING);

        OAuth2AccessTokenAuthenticationToken first = refresh(ROTATING, refreshTokenOf(family));
        OAuth2AccessTokenAuthenticationToken second = refresh(ROTATING, first.getRefreshToken().getTokenValue());

        assertThat(first.getRefreshToken().getTokenValue()).isNotEqualTo(refreshTokenOf(family));
        assertThat(second.getRefreshToken().getTokenValue()).isNotEqualTo(first.getRefreshToken().getTokenValue());
        assertThat(store.findByToken(second.getRefreshToken().getTokenValue(), OAuth2TokenType.REFRESH_TOKEN).getId())
                .isEqualTo(family.getId());
    }

    @Test
    void clientRegisteredToReuseRefreshTokensStillGetsANewOne() {
        OAuth2Authorization family = granted(REUSING);

        OAuth2AccessTokenAuthenticationToken refreshed = refresh(REUSING, refreshTokenOf(family));

        assertThat(refreshed.getRefreshToken().getTokenValue()).isNotEqualTo(refreshTokenOf(family));
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        OAuth2Authorization family = granted(ROTATING);
        OAuth2AccessTokenAuthenticationToken rotated = refresh(ROTATING, refreshTokenOf(family));

        assertThatThrownBy(() -> refresh(ROTATING, refreshTokenOf(family)))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_grant"));

        // The newest tokens, held by whoever rotated first, are revoked too.
        assertThat(store.findByToken(rotated.getRefreshToken().getTokenValue(), null)).isNull();
        assertThat(store.findByToken(rotated.getAccessToken().getTokenValue(), null)).isNull();
        assertThatThrownBy(() -> refresh(ROTATING, rotated.getRefreshToken().getTokenValue()))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(meters.counter("signet.refresh_token.reuse").count()).isEqualTo(1.0);
    }

    @Test
    void unknownRefreshTokenIsInvalidGrantAndRevokesNothing() {
        OAuth2Authorization family = granted(ROTATING);

        assertThatThrownBy(() -> refresh(ROTATING, "not-a-refresh-token"))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_grant"));
        assertThat(store.findById(family.getId())).isNotNull();
        assertThat(meters.counter("signet.refresh_token.reuse").count()).isZero();
    }

    @Test
    void anotherClientsRefreshTokenIsRefusedAndDoesNotBurnTheToken() {
        OAuth2Authorization family = granted(ROTATING);

        assertThatThrownBy(() -> refresh(REUSING, refreshTokenOf(family)))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(refresh(ROTATING, refreshTokenOf(family)).getRefreshToken()).isNotNull();
    }

    private OAuth2AccessTokenAuthenticationToken refresh(RegisteredClient client, String refreshToken) {
        OAuth2ClientAuthenticationToken principal = new OAuth2ClientAuthenticationToken(client,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");
        return (OAuth2AccessTokenAuthenticationToken) rotation.authenticate(
                new OAuth2RefreshTokenAuthenticationToken(refreshToken, principal, Set.of(), Map.of()));
    }

    private OAuth2Authorization granted(RegisteredClient client) {
        Instant now = Instant.now();
        CitizenAuthentication citizen = new CitizenAuthentication(UUID.randomUUID(), now, CredentialTrustLevel.MEDIUM);
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString()).principalName(citizen.getName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("profile"))
                .attribute(Principal.class.getName(), citizen)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, UUID.randomUUID().toString(),
                        now, now.plus(Duration.ofMinutes(5)), Set.of("profile")))
                .refreshToken(new OAuth2RefreshToken(UUID.randomUUID().toString(), now, now.plus(Duration.ofHours(1))))
                .build();
        store.save(authorization);
        return authorization;
    }

    private static String refreshTokenOf(OAuth2Authorization authorization) {
        return authorization.getRefreshToken().getToken().getTokenValue();
    }

    private static RegisteredClient client(String id, boolean reuseRefreshTokens) {
        return RegisteredClient.withId(id).clientId(id).clientSecret("{noop}secret-of-" + id)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://" + id + ".example.gov.uk/callback").scope("profile")
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(reuseRefreshTokens)
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE).build())
                .build();
    }
}
