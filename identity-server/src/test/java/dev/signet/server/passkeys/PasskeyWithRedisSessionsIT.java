package dev.signet.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ceremonies keep their options in the session between two requests: they must survive being stored in Redis,
 * as they are when several instances share sessions.
 */
class PasskeyWithRedisSessionsIT extends RedisServerIntegrationTest {

    private static final String ORIGIN = "http://localhost:8080";
    private static final String PASSWORD = "correct horse battery staple " + UUID.randomUUID();

    @Autowired
    private AccountRepository accounts;
    @Autowired
    private PasswordHasher hasher;

    @Test
    void registrationAndSignInWorkWhenSessionsLiveInRedis() throws Exception {
        String email = "passkey-redis-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Instant now = Instant.now();
        accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

        TestBrowser owner = new TestBrowser(baseUrl());
        assertThat(owner.signIn(email, PASSWORD).location()).endsWith("/account");
        TestBrowser.Page accountPage = owner.get("/account");
        String creationOptions = owner.postJson(accountPage, "/webauthn/register/options", "").body();
        TestBrowser.Page registered = owner.postJson(accountPage, "/account/passkeys",
                authenticator.register(creationOptions, ORIGIN, "Phone"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        TestBrowser browser = new TestBrowser(baseUrl());
        TestBrowser.Page signInPage = browser.get("/sign-in");
        String requestOptions = browser.postJson(signInPage, "/webauthn/authenticate/options", "").body();
        TestBrowser.Page signedIn = browser.postJson(signInPage, "/login/webauthn",
                authenticator.signIn(requestOptions, ORIGIN));

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(signedIn.body()).get("redirectUrl").asString())
                .isEqualTo("/account");
        assertThat(browser.get("/account").body()).contains(email).contains("Phone");
    }
}
