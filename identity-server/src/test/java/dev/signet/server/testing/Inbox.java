package dev.signet.server.testing;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import dev.signet.server.notify.OutboxEmailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emails the running server delivered to one address, read back from its real outbox folder as a citizen would
 * read them. The server sends email off the request thread, so reading waits (up to a generous limit) for them.
 */
public final class Inbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final long PATIENCE_MILLIS = 20_000;
    private static final Session MAIL = Session.getInstance(new Properties());

    private final Path outbox;

    /** {@code sender} is the server's EmailSender bean: the outbox, as the test profile configures it. */
    public Inbox(EmailSender sender) {
        if (!(sender instanceof OutboxEmailSender outboxSender)) {
            throw new IllegalStateException("Journey tests read email from the outbox (signet.mail.transport=outbox)");
        }
        this.outbox = outboxSender.directory();
    }

    /** The outbox folder of servers running in other processes ({@code <signet.data-directory>/outbox}). */
    public Inbox(Path outbox) {
        this.outbox = outbox;
    }

    /** What has arrived so far, oldest first (outbox file names start with the time they were written). */
    public List<EmailMessage> messagesTo(String address) {
        String marker = "-" + address.strip().toLowerCase(Locale.ROOT).replace("@", "_at_") + "-";
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .filter(file -> file.getFileName().toString().contains(marker))
                    .sorted()
                    .map(file -> read(file, address))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmailMessage read(Path file, String address) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mime = new MimeMessage(MAIL, in);
            return new EmailMessage(address, mime.getSubject(), String.valueOf(mime.getContent()));
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable email " + file, e);
        }
    }

    /** Waits until at least {@code count} messages have arrived for the address, and returns them all. */
    public List<EmailMessage> awaitMessages(String address, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        List<EmailMessage> messages = messagesTo(address);
        while (messages.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Expected " + count + " emails to " + address + " but " + messages.size()
                        + " arrived");
            }
            Thread.sleep(20);
            messages = messagesTo(address);
        }
        return messages;
    }

    /** The latest of at least {@code count} messages to the address. */
    public EmailMessage latestTo(String address, int count) throws InterruptedException {
        List<EmailMessage> messages = awaitMessages(address, count);
        return messages.get(messages.size() - 1);
    }

    public EmailMessage latestTo(String address) throws InterruptedException {
        return latestTo(address, 1);
    }

    /** The 6-digit code in the latest of at least {@code count} messages to the address. */
    public String codeTo(String address, int count) throws InterruptedException {
        return codeIn(latestTo(address, count));
    }

    public static String codeIn(EmailMessage message) {
        Matcher matcher = CODE.matcher(message.body());
        if (!matcher.find()) {
            throw new AssertionError("No 6-digit code in the email \"" + message.subject() + "\"");
        }
        return matcher.group(1);
    }

    /** The latest message to the address with that subject, once one has arrived (emails are sent off the request). */
    public EmailMessage latestWithSubject(String address, String subject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<EmailMessage> found = messagesTo(address).stream()
                    .filter(message -> message.subject().equals(subject)).reduce((first, later) -> later);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No email \"" + subject + "\" to " + address);
    }

    public String latestCodeTo(String address) throws InterruptedException {
        return codeTo(address, 1);
    }
}
