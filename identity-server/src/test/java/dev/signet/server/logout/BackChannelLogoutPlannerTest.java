package dev.signet.server.logout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.logout.LogoutDelivery;
import dev.signet.core.logout.LogoutNotice;
import dev.signet.core.logout.jdbc.JdbcLogoutOutbox;
import dev.signet.core.testing.PostgresTestServer;
import dev.signet.server.oidc.authorization.jdbc.JdbcAuthorizationStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Who is told about a sign-out, with authorizations in a real PostgreSQL store. */
class BackChannelLogoutPlannerTest {

    private static final URI RECEIVER = URI.create("https://with-logout.example.gov.uk/backchannel-logout");
    private static final RegisteredClient WITH_LOGOUT = client("with-logout");
    private static final RegisteredClient WITHOUT_LOGOUT = client("without-logout");

    private JdbcAuthorizationStore store;
    private JdbcLogoutOutbox outbox;
    private BackChannelLogoutPlanner planner;

    @BeforeEach
    void planner() {
        DataSource dataSource = PostgresTestServer.newMigratedDatabase();
        InMemoryRegisteredClientRepository clients = new InMemoryRegisteredClientRepository(WITH_LOGOUT,
                WITHOUT_LOGOUT);
        store = new JdbcAuthorizationStore(dataSource, clients, Clock.systemUTC());
        outbox = new JdbcLogoutOutbox(dataSource, Clock.systemUTC());
        planner = new BackChannelLogoutPlanner(store, clients,
                client -> client.getClientId().equals(WITH_LOGOUT.getClientId()) ? Optional.of(RECEIVER)
                        : Optional.empty(), outbox);
    }

    @Test
    void relyingPartiesThatGotAnIdTokenInTheSessionAreToldWithTheirOwnSubOnce() {
        String account = UUID.randomUUID().toString();
        store.save(authorization(WITH_LOGOUT, account, "pairwise-for-with-logout", "session-1"));
        store.save(authorization(WITH_LOGOUT, account, "pairwise-for-with-logout", "session-1"));
        store.save(authorization(WITHOUT_LOGOUT, account, "pairwise-for-without-logout", "session-1"));

        List<LogoutNotice> notices = planner.sessionEnded(account, "session-1");

        LogoutNotice expected = new LogoutNotice("with-logout", RECEIVER, "pairwise-for-with-logout",
                Optional.of("session-1"));
        assertThat(notices).containsExactly(expected);
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).extracting(LogoutDelivery::notice)
                .containsExactly(expected);
    }

    @Test
    void otherSessionsAndOtherCitizensAreNotTold() {
        String account = UUID.randomUUID().toString();
        store.save(authorization(WITH_LOGOUT, account, "sub-a", "session-on-another-device"));
        store.save(authorization(WITH_LOGOUT, UUID.randomUUID().toString(), "sub-b", "session-2"));

        assertThat(planner.sessionEnded(account, "session-2")).isEmpty();
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void signingOutOfOtherSessionsTellsEveryRelyingPartyOfThoseSessionsButNotOfTheKeptOne() {
        String account = UUID.randomUUID().toString();
        store.save(authorization(WITH_LOGOUT, account, "sub-a", "kept-session"));
        store.save(authorization(WITH_LOGOUT, account, "sub-a", "phone-session"));
        store.save(authorization(WITH_LOGOUT, account, "sub-a", "laptop-session"));

        List<LogoutNotice> notices = planner.otherSessionsEnded(account, "kept-session");

        assertThat(notices).extracting(notice -> notice.sessionId().orElseThrow())
                .containsExactlyInAnyOrder("phone-session", "laptop-session");
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).hasSize(2);
    }

    private static OAuth2Authorization authorization(RegisteredClient client, String account, String sub,
            String sid) {
        Instant now = Instant.now();
        Map<String, Object> claims = Map.of("iss", "https://signet.example.gov.uk", "sub", sub,
                "aud", Collections.singletonList(client.getClientId()), "sid", sid);
        OidcIdToken idToken = new OidcIdToken("id-" + UUID.randomUUID(), now, now.plus(Duration.ofMinutes(5)), claims);
        return OAuth2Authorization.withRegisteredClient(client).id(UUID.randomUUID().toString())
                .principalName(account).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("openid"))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-" + UUID.randomUUID(), now,
                        now.plus(Duration.ofMinutes(5))))
                .token(idToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims))
                .build();
    }

    private static RegisteredClient client(String id) {
        return RegisteredClient.withId(id).clientId(id).clientSecret("{noop}secret-" + id)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://" + id + ".example.gov.uk/callback").scope("openid").build();
    }
}
