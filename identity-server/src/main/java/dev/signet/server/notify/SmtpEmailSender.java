package dev.signet.server.notify;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends through an SMTP server with Spring's {@link JavaMailSender} (configured by Spring Boot's {@code spring.mail.*}
 * settings). A delivery failure is raised to the caller as {@link EmailNotSentException}; bodies are never logged.
 */
public final class SmtpEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);

    private final JavaMailSender mailSender;
    private final String from;

    public SmtpEmailSender(JavaMailSender mailSender, String from) {
        this.mailSender = Objects.requireNonNull(mailSender, "mailSender");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public void send(EmailMessage message) {
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessage built = new MimeMessages(mime.getSession(), from).build(message);
            mailSender.send(built);
        } catch (MessagingException | MailException e) {
            log.warn("Email \"{}\" could not be sent: {}", message.subject(), e.getClass().getSimpleName());
            throw new EmailNotSentException(e);
        }
    }

    /** The SMTP server did not accept the message. */
    public static final class EmailNotSentException extends RuntimeException {
        EmailNotSentException(Throwable cause) {
            super("The email could not be sent", cause);
        }
    }
}
