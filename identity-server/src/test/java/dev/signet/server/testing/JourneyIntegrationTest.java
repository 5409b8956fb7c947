package dev.signet.server.testing;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.password.PasswordHasher;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers for tests that walk the citizen's journeys over HTTP against the running server. */
public abstract class JourneyIntegrationTest extends ServerIntegrationTest {

    @Autowired
    protected AccountRepository accounts;

    @Autowired
    protected PasswordHasher hasher;

    @Autowired
    private EmailSender emailSender;

    protected TestBrowser browser() {
        return new TestBrowser(baseUrl());
    }

    protected Inbox inbox() {
        return new Inbox(emailSender);
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected Account existingAccount(String email, String password, AccountStatus status) {
        Instant now = Instant.now();
        return accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(password)), status,
                now, now));
    }

    /** Email page then password page; returns the response to the password form. */
    protected TestBrowser.Page signIn(TestBrowser browser, String email, String password) throws Exception {
        return browser.signIn(email, password);
    }
}
