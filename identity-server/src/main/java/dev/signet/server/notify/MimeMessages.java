package dev.signet.server.notify;

import dev.signet.core.notify.EmailMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Turns an {@link EmailMessage} into a plain-text UTF-8 MIME message, the same for the outbox and for SMTP. */
final class MimeMessages {

    private final Session session;
    private final InternetAddress from;

    MimeMessages(Session session, String from) {
        this.session = Objects.requireNonNull(session, "session");
        try {
            this.from = new InternetAddress(Objects.requireNonNull(from, "from"), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("signet.mail.from is not an email address", e);
        }
    }

    MimeMessage build(EmailMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        // Strict parsing: one address, no header injection through a crafted recipient.
        InternetAddress[] to = InternetAddress.parse(message.to(), true);
        if (to.length != 1) {
            throw new MessagingException("Exactly one recipient is expected");
        }
        mime.setRecipients(Message.RecipientType.TO, to);
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        mime.saveChanges();
        return mime;
    }
}
