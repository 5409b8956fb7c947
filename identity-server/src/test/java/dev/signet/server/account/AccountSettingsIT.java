package dev.signet.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.serviceuse.ServiceUseRepository;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The "your account" pages that change something, over HTTP against the running server. */
class AccountSettingsIT extends JourneyIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a brand new and rather long passphrase";

    @Autowired
    LinkedIdentityRepository linkedIdentities;

    @Autowired
    ServiceUseRepository services;

    @Test
    void changingThePasswordNeedsTheCurrentOneAndTellsTheOwner() throws Exception {
        String email = uniqueEmail("change-password");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(email, PASSWORD);

        TestBrowser.Page form = browser.get("/account/change-password");
        assertThat(form.body()).contains("Change your password").contains("autocomplete=\"current-password\"");
        TestBrowser.Page wrong = browser.submit(form, "/account/change-password", Map.of(
                "currentPassword", "not it", "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(wrong.body()).contains("Error: Change your password").contains("The password is not correct");
        TestBrowser.Page weak = browser.submit(wrong, "/account/change-password", Map.of(
                "currentPassword", PASSWORD, "password", "short", "confirmPassword", "short"));
        assertThat(weak.body()).contains("Your password must be 8 characters or more");

        TestBrowser.Page changed = browser.submit(weak, "/account/change-password", Map.of(
                "currentPassword", PASSWORD, "password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(changed.location()).endsWith("/account");
        assertThat(browser.follow(changed).body()).contains("Your password has been changed");
        assertThat(inbox().latestTo(email).subject()).isEqualTo("Your password has been changed");

        assertThat(browser().signIn(email, NEW_PASSWORD).location()).endsWith("/account");
        assertThat(browser().signIn(email, PASSWORD).body()).contains("The email address or password is not correct");
    }

    @Test
    void changingTheEmailNeedsThePasswordAndACodeFromTheNewAddress() throws Exception {
        String email = uniqueEmail("change-email-old");
        String newEmail = uniqueEmail("change-email-new");
        UUID id = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = signedIn(email, PASSWORD);

        TestBrowser.Page form = browser.get("/account/change-email");
        TestBrowser.Page noPassword = browser.submit(form, "/account/change-email",
                Map.of("email", newEmail, "currentPassword", ""));
        assertThat(noPassword.body()).contains("Enter your current password");
        TestBrowser.Page same = browser.submit(form, "/account/change-email",
                Map.of("email", email.toUpperCase(), "currentPassword", PASSWORD));
        assertThat(same.body()).contains("This is already the email address of your account");

        TestBrowser.Page sent = browser.submit(form, "/account/change-email",
                Map.of("email", newEmail, "currentPassword", PASSWORD));
        assertThat(sent.location()).endsWith("/account/change-email/check-email");
        TestBrowser.Page check = browser.follow(sent);
        assertThat(check.body()).contains(newEmail).contains("The code in the email expires after 10 minutes.");
        assertThat(inbox().latestTo(newEmail).body()).as("the shipped signet.codes.time-to-live")
                .contains("The code expires after 10 minutes.");
        String code = inbox().latestCodeTo(newEmail);
        TestBrowser.Page wrongCode = browser.submit(check, "/account/change-email/check-email",
                Map.of("code", String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000)));
        assertThat(wrongCode.body()).contains("The code is not correct");
        assertThat(accounts.findById(id).orElseThrow().email()).isEqualTo(email);

        TestBrowser.Page done = browser.submit(wrongCode, "/account/change-email/check-email", Map.of("code", code));
        assertThat(done.location()).endsWith("/account");
        assertThat(browser.follow(done).body()).contains("Your email address has been changed").contains(newEmail);
        assertThat(accounts.findByEmail(newEmail).orElseThrow().id()).isEqualTo(id);
        EmailMessage toOldAddress = inbox().latestTo(email);
        assertThat(toOldAddress.subject()).isEqualTo("The email address of your account has been changed");
        assertThat(toOldAddress.body()).contains(newEmail);
        assertThat(browser().signIn(newEmail, PASSWORD).location()).endsWith("/account");
    }

    @Test
    void anAddressAnotherAccountUsesIsRefusedOnceProven() throws Exception {
        String email = uniqueEmail("change-email-a");
        String taken = uniqueEmail("change-email-b");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        existingAccount(taken, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(email, PASSWORD);

        TestBrowser.Page sent = browser.submit(browser.get("/account/change-email"), "/account/change-email",
                Map.of("email", taken, "currentPassword", PASSWORD));
        TestBrowser.Page refused = browser.submit(browser.follow(sent), "/account/change-email/check-email",
                Map.of("code", inbox().latestCodeTo(taken)));

        assertThat(refused.body()).contains("Another account already uses this email address");
        assertThat(accounts.findByEmail(email)).isPresent();
    }

    @Test
    void yourDataIsAJsonDownloadWithoutSecrets() throws Exception {
        String email = uniqueEmail("your-data");
        UUID id = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        String oldAccountId = "customer-" + UUID.randomUUID();
        linkedIdentities.link(new LinkedIdentity(id, "vehicle-tax", oldAccountId, Instant.now(),
                LinkMethod.SIGNED_IN.value(), Optional.empty()));
        services.recordSignIn(id, "test-secret", Instant.now());
        TestBrowser browser = signedIn(email, PASSWORD);

        TestBrowser.Page data = browser.get("/account/your-data");

        assertThat(data.status()).isEqualTo(200);
        assertThat(data.body()).contains("\"id\":\"" + id + "\"").contains("\"email\":\"" + email + "\"")
                .contains("\"secondFactors\":[]").contains("\"hasPassword\":true").doesNotContain("$argon2")
                .contains("\"oldSystem\":\"vehicle-tax\",\"oldAccountId\":\"" + oldAccountId + "\"")
                .contains("\"service\":\"Test client_secret_basic service\",\"clientId\":\"test-secret\"");
    }

    @Test
    void deletingTheAccountNeedsThePasswordThenSignsOutAndTellsTheOwner() throws Exception {
        String email = uniqueEmail("delete");
        UUID id = existingAccount(email, PASSWORD, AccountStatus.ACTIVE).id();
        TestBrowser browser = signedIn(email, PASSWORD);

        TestBrowser.Page form = browser.get("/account/delete");
        assertThat(form.body()).contains("Deleting your account cannot be undone");
        TestBrowser.Page wrong = browser.submit(form, "/account/delete", Map.of("currentPassword", "nope"));
        assertThat(wrong.body()).contains("The password is not correct");
        assertThat(accounts.findById(id)).isPresent();

        TestBrowser.Page deleted = browser.submit(wrong, "/account/delete", Map.of("currentPassword", PASSWORD));
        assertThat(deleted.location()).endsWith("/account-deleted");
        assertThat(browser.follow(deleted).body()).contains("Your account has been deleted");
        assertThat(accounts.findById(id)).isEmpty();
        assertThat(inbox().latestTo(email).subject()).isEqualTo("Your account has been deleted");
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void thePagesNeedASignedInCitizenAndSpeakWelsh() throws Exception {
        assertThat(browser().get("/account/change-password").location()).endsWith("/sign-in");
        assertThat(browser().get("/account/your-data").location()).endsWith("/sign-in");

        String email = uniqueEmail("account-cy");
        existingAccount(email, PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(email, PASSWORD);
        assertThat(browser.get("/account/change-password?lang=cy").body()).contains("Newid eich cyfrinair");
        assertThat(browser.get("/account?lang=cy").body()).contains("Lawrlwytho eich data");
    }

    private TestBrowser signedIn(String email, String password) throws Exception {
        TestBrowser browser = browser();
        assertThat(browser.signIn(email, password).location()).endsWith("/account");
        return browser;
    }
}
