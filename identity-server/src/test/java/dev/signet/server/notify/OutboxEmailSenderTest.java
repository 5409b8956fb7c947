package dev.signet.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.notify.EmailMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxEmailSenderTest {

    @TempDir
    Path temp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T21:36:23.123Z"), ZoneOffset.UTC);

    @Test
    void eachMessageIsOneEmlFileNamedByTimeAndRecipientThatMailProgramsRead() throws Exception {
        Path outbox = temp.resolve("outbox");
        OutboxEmailSender sender = new OutboxEmailSender(outbox, "Signet <no-reply@signet.test>", clock);

        sender.send(new EmailMessage("Ada.Lovelace@Example.gov.uk", "Your security code",
                "Your code is 042917.\nIt expires in 15 minutes. Cod: ŵ ŷ"));
        sender.send(new EmailMessage("Ada.Lovelace@Example.gov.uk", "Your security code", "Your code is 555555."));

        List<Path> files = list(outbox);
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString())
                .matches("20261122T213623\\.123Z-ada\\.lovelace_at_example\\.gov\\.uk-[0-9a-f]{8}\\.eml"));
        MimeMessage parsed = parse(files.stream()
                .filter(file -> readQuietly(file).contains("042917")).findFirst().orElseThrow());
        assertThat(parsed.getSubject()).isEqualTo("Your security code");
        assertThat(parsed.getFrom()[0].toString()).isEqualTo("Signet <no-reply@signet.test>");
        assertThat(parsed.getAllRecipients()[0].toString()).isEqualTo("Ada.Lovelace@Example.gov.uk");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-22T21:36:23Z"));
        assertThat(((String) parsed.getContent()).replace("\r\n", "\n").strip())
                .isEqualTo("Your code is 042917.\nIt expires in 15 minutes. Cod: ŵ ŷ");
    }

    @Test
    void aRecipientThatIsNotOneAddressIsRefusedAndNothingIsWritten() throws Exception {
        OutboxEmailSender sender = new OutboxEmailSender(temp, "no-reply@signet.test", clock);

        assertThatThrownBy(() -> sender.send(new EmailMessage("ada@example.gov.uk\r\nBcc: eve@example.com", "Code",
                "Your code is 123456"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sender.send(new EmailMessage("ada@example.gov.uk, eve@example.com", "Code",
                "Your code is 123456"))).isInstanceOf(IllegalStateException.class);
        assertThat(list(temp)).isEmpty();
    }

    @Test
    void recipientNamesAreMadeSafeForFileNames() {
        assertThat(OutboxEmailSender.safeName("../../etc/passwd@x.y")).isEqualTo(".._.._etc_passwd_at_x.y");
        assertThat(OutboxEmailSender.safeName("a".repeat(100) + "@x.y")).hasSize(64);
    }

    private static List<Path> list(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
