package dev.signet.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emails the running server sent to one address, as a citizen would read them. */
public final class Inbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final CredentialFakesConfiguration.CapturingEmailSender sender;

    /** {@code sender} is the server's EmailSender bean, which tests wrap to keep what it sends. */
    public Inbox(EmailSender sender) {
        this.sender = (CredentialFakesConfiguration.CapturingEmailSender) sender;
    }

    public List<EmailMessage> messagesTo(String address) {
        return sender.sentTo(address);
    }

    public EmailMessage latestTo(String address) {
        List<EmailMessage> messages = messagesTo(address);
        assertThat(messages).as("emails to " + address).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    /** The 6-digit code in the latest email to the address. */
    public String latestCodeTo(String address) {
        Matcher matcher = CODE.matcher(latestTo(address).body());
        assertThat(matcher.find()).as("a 6-digit code in the latest email").isTrue();
        return matcher.group(1);
    }
}
