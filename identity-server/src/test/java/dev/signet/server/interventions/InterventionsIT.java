package dev.signet.server.interventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.server.testing.ServiceWithBackChannel;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import dev.signet.core.password.PasswordHasher;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account interventions over HTTP, with a relying party registered for this test and a live back-channel receiver:
 * the citizen has a Signet session (in Redis) and tokens at the relying party when the intervention is placed.
 */
class InterventionsIT extends RedisServerIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "interventions password";

    @Autowired
    RelyingPartyRepository relyingParties;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;
    @Autowired
    AccountInterventions interventions;

    private ServiceWithBackChannel service;

    @BeforeEach
    void relyingPartyWithAReceiver() throws Exception {
        service = ServiceWithBackChannel.register(relyingParties, baseUrl(), "interventions");
    }

    @AfterEach
    void stopReceiver() {
        service.close();
    }

    @Test
    void suspendingAnAccountEndsItsSessionsTellsTheServiceAndRefusesItsTokens() throws Exception {
        Account account = account();
        String session = ServiceWithBackChannel.signedInSession(sessions, account.id());
        JsonNode tokens = service.signInToTheService(session);
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());

        InterventionOutcome outcome = interventions.apply(account.id(), AccountStatus.SUSPENDED);

        assertThat(outcome).isEqualTo(new InterventionOutcome.Applied(AccountStatus.ACTIVE, AccountStatus.SUSPENDED,
                1, 1, 1));
        assertThat(sessions.findById(ServiceWithBackChannel.sessionId(session))).as("the Signet session").isNull();
        JWTClaimsSet logoutToken = service.receiver().awaitLogoutToken().getJWTClaimsSet();
        assertThat(logoutToken.getAudience()).containsExactly(service.clientId());
        assertThat(logoutToken.getSubject()).isEqualTo(idToken.getJWTClaimsSet().getSubject());
        assertThat(logoutToken.getStringClaim("sid")).isEqualTo(idToken.getJWTClaimsSet().getStringClaim("sid"));
        ServiceWithBackChannel.Answer refresh = service.refresh(tokens.get("refresh_token").asString());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(service.introspect(tokens.get("access_token").asString()).get("active").asBoolean()).isFalse();
        TestBrowser.Page signIn = new TestBrowser(baseUrl()).signIn(account.email(), PASSWORD);
        assertThat(signIn.body()).contains("Your account has been suspended");
    }

    @Test
    void aRefreshForAnAccountBlockedBehindTheServicesBackIsRefusedAndItsSessionEnds() throws Exception {
        Account account = account();
        String session = ServiceWithBackChannel.signedInSession(sessions, account.id());
        JsonNode tokens = service.signInToTheService(session);

        // Changed in the database alone (as another tool might): no tokens were revoked by an intervention.
        accounts.updateStatus(account.id(), AccountStatus.BLOCKED);

        ServiceWithBackChannel.Answer refresh = service.refresh(tokens.get("refresh_token").asString());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(service.introspect(tokens.get("access_token").asString()).get("active").asBoolean())
                .as("the refused family is revoked").isFalse();
        HttpResponse<String> accountPage = service.get("/account", session);
        assertThat(accountPage.statusCode()).isEqualTo(302);
        assertThat(accountPage.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/sign-in"));
        HttpResponse<String> authorize = service.authorize(session);
        assertThat(authorize.headers().firstValue("Location")).as("no code for a blocked account")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    @Test
    void liftingAnInterventionLetsTheCitizenSignInAgain() throws Exception {
        Account account = account();
        interventions.apply(account.id(), AccountStatus.BLOCKED);
        assertThat(new TestBrowser(baseUrl()).signIn(account.email(), PASSWORD).body())
                .contains("Your account has been blocked");

        InterventionOutcome lifted = interventions.apply(account.id(), AccountStatus.ACTIVE);

        assertThat(lifted).isEqualTo(new InterventionOutcome.Applied(AccountStatus.BLOCKED, AccountStatus.ACTIVE,
                0, 0, 0));
        assertThat(new TestBrowser(baseUrl()).signIn(account.email(), PASSWORD).location()).endsWith("/account");
    }

    @Test
    void anUnknownAccountIsSaidToBeUnknown() {
        assertThat(interventions.apply(UUID.randomUUID(), AccountStatus.SUSPENDED))
                .isEqualTo(new InterventionOutcome.NoSuchAccount());
    }

    private Account account() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return accounts.create(new Account(UUID.randomUUID(), "intervention-" + UUID.randomUUID()
                + "@example.gov.uk", true, Optional.of(hasher.hash(PASSWORD)), AccountStatus.ACTIVE, now, now));
    }


}
