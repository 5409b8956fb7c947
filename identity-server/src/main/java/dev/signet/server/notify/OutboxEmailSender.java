package dev.signet.server.notify;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: each message becomes one {@code .eml} file (RFC 5322, readable in any mail program or text
 * editor) in the outbox folder, named {@code <UTC time>-<recipient>-<random>.eml} so files sort by time and a person
 * trying Signet locally can find their codes. Files appear whole: each is written aside and then moved in.
 */
public final class OutboxEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxEmailSender.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path directory;
    private final MimeMessages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OutboxEmailSender(Path directory, String from, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
        this.messages = new MimeMessages(Session.getInstance(new Properties()), from);
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the outbox folder " + this.directory
                    + " (signet.mail.outbox-directory)", e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void send(EmailMessage message) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String name = STAMP.format(clock.instant()) + "-" + safeName(message.to()) + "-"
                + HexFormat.of().formatHex(suffix) + ".eml";
        Path target = directory.resolve(name);
        Path partial = directory.resolve("." + name + ".part");
        try {
            MimeMessage mime = messages.build(message);
            mime.setSentDate(Date.from(clock.instant()));
            try (OutputStream out = Files.newOutputStream(partial)) {
                mime.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Could not write an email to the outbox " + directory, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        // The subject only: the body may hold a one-time code.
        log.info("Email \"{}\" written to the outbox: {}", message.subject(), target);
    }

    /** The recipient as a file-name part: letters, digits, dot, hyphen; "@" as "_at_"; at most 64 characters. */
    static String safeName(String recipient) {
        String safe = recipient.strip().toLowerCase(Locale.ROOT).replace("@", "_at_").replaceAll("[^a-z0-9._-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }
}
