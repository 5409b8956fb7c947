package dev.signet.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.ActorType;
import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.ChainVerification;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The citizens' journeys write who did what, from where, to the audit log; the chain stays intact. */
class JourneyAuditIT extends JourneyIntegrationTest {

    @Autowired
    private AuditLog auditLog;

    @Test
    void wrongPasswordThenSignInThenSignOutAreAudited() throws Exception {
        String email = uniqueEmail("audited");
        Account account = existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        TestBrowser browser = browser();

        browser.signIn(email, "not the password");
        TestBrowser.Page signedIn = browser.signIn(email, "correct horse battery");
        TestBrowser.Page accountPage = browser.follow(signedIn);
        browser.follow(browser.submit(accountPage, "/sign-out", Map.of()));

        List<AuditEntry> entries = awaitEntries(account.id(), 3);
        AuditEntry failed = entries.get(0);
        assertThat(failed.event().type()).isEqualTo(AuditEventType.SIGN_IN_FAILED);
        assertThat(failed.event().actor().type()).isEqualTo(ActorType.ANONYMOUS);
        assertThat(failed.event().details()).containsEntry("step", "password")
                .containsEntry("outcome", "invalid_credentials");
        assertThat(failed.event().origin().clientAddress()).contains("127.0.0.1");
        assertThat(failed.event().origin().userAgent()).hasValueSatisfying(agent -> assertThat(agent).isNotBlank());
        assertThat(failed.event().details().toString()).doesNotContain("not the password");

        AuditEntry succeeded = entries.get(1);
        assertThat(succeeded.event().type()).isEqualTo(AuditEventType.SIGN_IN_SUCCEEDED);
        assertThat(succeeded.event().actor().id()).contains(account.id().toString());
        assertThat(succeeded.event().details()).containsEntry("level", "Cl");
        assertThat(entries.get(2).event().type()).isEqualTo(AuditEventType.SIGNED_OUT);
        assertThat(auditLog.verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void aSuspendedAccountsRefusedSignInIsAuditedWithItsOutcome() throws Exception {
        String email = uniqueEmail("suspended");
        Account account = existingAccount(email, "correct horse battery", AccountStatus.SUSPENDED);

        browser().signIn(email, "correct horse battery");

        AuditEntry refused = awaitEntries(account.id(), 1).get(0);
        assertThat(refused.event().type()).isEqualTo(AuditEventType.SIGN_IN_FAILED);
        assertThat(refused.event().details()).containsEntry("outcome", "suspended");
    }

    @Test
    void anUnknownEmailsFailedSignInIsAuditedWithoutAnAccount() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String email = uniqueEmail("nobody");

        browser().signIn(email, "whatever it is");

        Predicate<AuditEntry> anonymousFailure = entry -> entry.event().accountId().isEmpty()
                && entry.event().type().equals(AuditEventType.SIGN_IN_FAILED);
        assertThat(await(() -> auditLog.find(AuditFilter.ALL.between(before, null), Optional.empty(), 100)
                .entries().stream().anyMatch(anonymousFailure))).isTrue();
    }

    @Test
    void signUpAndPasswordResetAreAudited() throws Exception {
        String email = uniqueEmail("newcomer");
        TestBrowser browser = browser();
        TestBrowser.Page checkEmail = browser.follow(browser.submit(browser.get("/sign-up"), "/sign-up",
                Map.of("email", email)));
        TestBrowser.Page passwordPage = browser.follow(browser.submit(checkEmail, "/sign-up/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        browser.submit(passwordPage, "/sign-up/password",
                Map.of("password", "a brand new password", "confirmPassword", "a brand new password"));
        UUID accountId = accounts.findByEmail(email).orElseThrow().id();

        TestBrowser other = browser();
        TestBrowser.Page resetCheck = other.follow(other.submit(other.get("/reset-password"), "/reset-password",
                Map.of("email", email)));
        TestBrowser.Page newPassword = other.follow(other.submit(resetCheck, "/reset-password/check-email",
                Map.of("code", inbox().latestCodeTo(email))));
        other.submit(newPassword, "/reset-password/new-password",
                Map.of("password", "another new password", "confirmPassword", "another new password"));

        List<AuditEntry> entries = awaitEntries(accountId, 4);
        assertThat(entries).extracting(entry -> entry.event().type()).containsExactly(AuditEventType.ACCOUNT_CREATED,
                AuditEventType.SIGN_IN_SUCCEEDED, AuditEventType.PASSWORD_RESET, AuditEventType.SESSIONS_ENDED);
        assertThat(entries.get(2).event().actor().type()).isEqualTo(ActorType.CITIZEN);
        // The reset signed out the session sign-up had started.
        assertThat(entries.get(3).event().details()).containsEntry("scope", "everywhere")
                .containsEntry("reason", "password_reset").containsEntry("sessions", "1");
    }

    /** The account's entries, oldest first, once at least {@code count} have been written by the writer thread. */
    private List<AuditEntry> awaitEntries(UUID accountId, int count) throws InterruptedException {
        List<AuditEntry> entries = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            entries = new ArrayList<>(auditLog.find(AuditFilter.ALL.withAccount(accountId), Optional.empty(), 100)
                    .entries());
            Collections.reverse(entries);
            if (entries.size() >= count) {
                return entries;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Expected " + count + " audit entries for " + accountId + " but found " + entries);
    }

    private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
