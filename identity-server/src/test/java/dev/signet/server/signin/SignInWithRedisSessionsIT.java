package dev.signet.server.signin;

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

/** The journeys keep their state in the session: it must survive being stored in Redis between requests. */
class SignInWithRedisSessionsIT extends RedisServerIntegrationTest {

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private PasswordHasher hasher;

    @Test
    void signInWorksWhenSessionsLiveInRedis() throws Exception {
        String email = "redis-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Instant now = Instant.now();
        accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash("correct horse battery")),
                AccountStatus.ACTIVE, now, now));
        TestBrowser browser = new TestBrowser(baseUrl());

        TestBrowser.Page response = browser.signIn(email, "correct horse battery");

        assertThat(response.location()).endsWith("/account");
        assertThat(browser.follow(response).body()).contains(email);
    }
}
