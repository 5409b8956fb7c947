package dev.signet.server.notify;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.notify.AccountNotice;
import dev.signet.core.notify.AccountNoticeOutbox;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import dev.signet.server.logout.LogoutProperties;
import dev.signet.server.outbox.PollingWorker;
import dev.signet.server.outbox.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the messages the admin API queues for citizens ({@link AccountNoticeOutbox}), such as "your security codes
 * have been reset", by email to the account's address as it is when sending. The citizen's language is not known
 * here, so each email is in English then Welsh. Sent on this worker's thread, not handed on, so that a failed send
 * is retried (with the back-channel logout's settings, {@code signet.logout.*}) instead of lost. Every instance runs
 * one; the outbox hands each notice to one worker at a time. Counted as {@code signet.notices{kind,outcome}}.
 */
public final class AccountNoticeWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AccountNoticeWorker.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Locale WELSH = Locale.forLanguageTag("cy");

    private final AccountNoticeOutbox outbox;
    private final AccountRepository accounts;
    private final EmailSender email;
    private final MessageSource messages;
    private final RetrySchedule retries;
    private final MeterRegistry meters;
    private final PollingWorker worker;

    public AccountNoticeWorker(AccountNoticeOutbox outbox, AccountRepository accounts, EmailSender email,
            MessageSource messages, LogoutProperties retries, Clock clock, MeterRegistry meters) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.email = Objects.requireNonNull(email, "email");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.retries = retries.retrySchedule(clock);
        this.meters = Objects.requireNonNull(meters, "meters");
        this.worker = new PollingWorker("account-notices", List.of(new PollingWorker.Task(
                "send account notices", retries.pollInterval(), this::sendDue)));
    }

    /** Sends what is due now, one batch at a time until none is left; returns how many were attempted. */
    public int sendDue() {
        return PollingWorker.drain(() -> outbox.claimDue(BATCH, LEASE), this::send);
    }

    private void send(AccountNotice notice) {
        Optional<Account> account = accounts.findById(notice.accountId());
        if (account.isEmpty()) {
            // Erased meanwhile (the row normally goes with it): no one left to tell.
            outbox.completed(notice.id());
            return;
        }
        try {
            email.send(message(notice, account.get().email()));
            outbox.completed(notice.id());
            count(notice, "sent");
        } catch (RuntimeException e) {
            // Never the address or the body in logs.
            String failure = e.getClass().getSimpleName();
            Optional<Instant> retryAt = retries.retryAt(notice.attempt());
            if (retryAt.isEmpty()) {
                outbox.markFailed(notice.id(), failure);
                count(notice, "failed");
                LOG.error("Could not send the {} notice to account {} after {} attempts: {}", notice.kind(),
                        notice.accountId(), notice.attempt(), failure);
            } else {
                outbox.retryLater(notice.id(), retryAt.get(), failure);
                count(notice, "retry");
                LOG.warn("Sending the {} notice to account {} failed (attempt {}): {}; will retry", notice.kind(),
                        notice.accountId(), notice.attempt(), failure);
            }
        }
    }

    /** Message keys {@code email.<kind in camel case>.subject} and {@code .body}, English then Welsh. */
    EmailMessage message(AccountNotice notice, String to) {
        String key = "email." + camelCase(notice.kind().name());
        String subject = text(key + ".subject", Locale.ENGLISH) + " / " + text(key + ".subject", WELSH);
        String body = text(key + ".body", Locale.ENGLISH) + "\n---\n\n" + text(key + ".body", WELSH);
        return new EmailMessage(to, subject, body);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    private void count(AccountNotice notice, String outcome) {
        meters.counter("signet.notices", "kind", notice.kind().name().toLowerCase(Locale.ROOT), "outcome", outcome)
                .increment();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
