package dev.signet.server.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.inmemory.InMemoryOneTimeCodeStore;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.core.password.PasswordProblem;
import dev.signet.server.notify.OutboxEmailSender;
import dev.signet.server.testing.ServerIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default's wiring: codes in memory, email to the outbox folder under the data directory. */
class CredentialsWiringIT extends ServerIntegrationTest {

    @Autowired
    OneTimeCodeStore codes;

    @Autowired
    EmailSender email;

    @Autowired
    PasswordPolicy policy;

    @Test
    void withoutRedisCodesLiveInMemory() {
        assertThat(codes).isInstanceOf(InMemoryOneTimeCodeStore.class);
        String subject = UUID.randomUUID() + "@example.gov.uk";
        String code = codes.issue(CodePurpose.VERIFY_EMAIL, subject, Duration.ofMinutes(15));

        assertThat(codes.check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(CodeCheck.Valid.class);
    }

    @Test
    void policyRefusesCommonPasswords() {
        assertThat(policy.check("password123", "someone@example.gov.uk"))
                .isEqualTo(List.of(PasswordProblem.COMMON_OR_BREACHED));
    }

    @Test
    void emailIsWrittenToTheOutboxUnderTheDataDirectory() throws Exception {
        assertThat(email).isInstanceOf(OutboxEmailSender.class);
        Path outbox = ((OutboxEmailSender) email).directory();
        assertThat(outbox).isEqualTo(Path.of("target/test-data/outbox").toAbsolutePath());
        String recipient = "outbox-" + UUID.randomUUID() + "@example.gov.uk";

        email.send(new EmailMessage(recipient, "Your code", "Your code is 123456"));

        String safe = recipient.replace("@", "_at_");
        try (Stream<Path> files = Files.list(outbox)) {
            Path written = files.filter(file -> file.getFileName().toString().contains(safe)).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(written)).contains("To: " + recipient).contains("Your code is 123456");
        }
    }
}
