package dev.signet.server.testing;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emails the running server sent to one address, as a citizen would read them. The server sends email off the
 * request thread, one message after another, so reading waits (up to a generous limit) for the expected messages.
 */
public final class Inbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final long PATIENCE_MILLIS = 20_000;

    private final CredentialFakesConfiguration.CapturingEmailSender sender;

    /** {@code sender} is the server's EmailSender bean, which tests wrap to keep what it sends. */
    public Inbox(EmailSender sender) {
        this.sender = (CredentialFakesConfiguration.CapturingEmailSender) sender;
    }

    /** What has arrived so far. */
    public List<EmailMessage> messagesTo(String address) {
        return sender.sentTo(address);
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

    public String latestCodeTo(String address) throws InterruptedException {
        return codeTo(address, 1);
    }
}
