package dev.signet.core.notify;

/**
 * Delivers text messages to citizens' phones: the port an SMS gateway plugs into (docs/second-factors.md). The
 * embedded default writes each text to the outbox folder, next to the email. Implementations never log a message
 * body (it holds a one-time code) and raise a {@link RuntimeException} when the gateway did not accept the message.
 */
public interface SmsSender {

    void send(TextMessage message);
}
