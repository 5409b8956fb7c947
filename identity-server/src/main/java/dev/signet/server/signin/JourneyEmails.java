package dev.signet.server.signin;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The plain-text emails the journeys send, in the language of the page the citizen was on. Each says what to do when
 * the citizen did not ask for it. Texts are message keys {@code email.<kind>.subject} and {@code email.<kind>.body}.
 */
@Component
public class JourneyEmails {

    private final EmailSender sender;
    private final MessageSource messages;

    public JourneyEmails(EmailSender sender, MessageSource messages) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The code that proves the citizen controls the address they are creating an account with. */
    public void sendSignUpCode(String to, String code, Locale locale) {
        send("signUpCode", to, locale, code);
    }

    /** Sent instead of a sign-up code when the address already has an account: the page never says so. */
    public void sendAlreadyHaveAccount(String to, Locale locale) {
        send("alreadyHaveAccount", to, locale);
    }

    public void sendPasswordResetCode(String to, String code, Locale locale) {
        send("resetCode", to, locale, code);
    }

    public void sendPasswordChanged(String to, Locale locale) {
        send("passwordChanged", to, locale);
    }

    private void send(String kind, String to, Locale locale, Object... arguments) {
        String subject = messages.getMessage("email." + kind + ".subject", null, locale);
        String body = messages.getMessage("email." + kind + ".body", arguments, locale);
        sender.send(new EmailMessage(to, subject, body));
    }
}
