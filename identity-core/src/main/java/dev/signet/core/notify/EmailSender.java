package dev.signet.core.notify;

/**
 * Delivers email to citizens. Adapters: SMTP (production) and an outbox folder (embedded default, so a person trying
 * Signet locally can read their codes). Never logs a message body: it may hold a one-time code.
 */
public interface EmailSender {

    void send(EmailMessage message);
}
