package dev.signet.server.mfa;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.notify.SmsSender;
import dev.signet.core.notify.TextMessage;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/**
 * The texts and emails that carry second-factor codes, in the page's language (message keys
 * {@code mfa.text.code}, {@code mfa.email.code.subject}, {@code mfa.email.code.body}). Sent while the citizen waits:
 * they have already given their password, so the time taken reveals nothing, and a failure can be shown at once.
 */
final class SecondFactorMessages {

    private static final Logger log = LoggerFactory.getLogger(SecondFactorMessages.class);

    private final SmsSender sms;
    private final EmailSender email;
    private final MessageSource messages;
    private final long lifetimeMinutes;

    SecondFactorMessages(SmsSender sms, EmailSender email, MessageSource messages, long lifetimeMinutes) {
        this.sms = Objects.requireNonNull(sms, "sms");
        this.email = Objects.requireNonNull(email, "email");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.lifetimeMinutes = lifetimeMinutes;
    }

    boolean sendText(String phoneNumber, String code, Locale locale) {
        try {
            sms.send(new TextMessage(phoneNumber, messages.getMessage("mfa.text.code",
                    new Object[] {code, lifetimeMinutes}, locale)));
            return true;
        } catch (RuntimeException e) {
            // Never the text or the number: the text holds the code.
            log.warn("A second-factor text message was not sent: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    boolean sendEmail(String address, String code, Locale locale) {
        try {
            email.send(new EmailMessage(address, messages.getMessage("mfa.email.code.subject", null, locale),
                    messages.getMessage("mfa.email.code.body", new Object[] {code, lifetimeMinutes}, locale)));
            return true;
        } catch (RuntimeException e) {
            log.warn("A second-factor email was not sent: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
