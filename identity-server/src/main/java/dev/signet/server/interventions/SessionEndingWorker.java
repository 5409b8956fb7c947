package dev.signet.server.interventions;

import dev.signet.core.logout.SessionEnding;
import dev.signet.core.logout.SessionEndingOutbox;
import dev.signet.server.logout.LogoutProperties;
import dev.signet.server.logout.SessionTermination;
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
import org.springframework.context.SmartLifecycle;

/**
 * Carries out the "end every session of this account" commands that the admin API queues with an intervention, an
 * erasure or a merge, and the "end this one session" commands an operator gives ({@link SessionEndingOutbox}), with
 * {@link SessionTermination}: the same tail as an intervention placed
 * inside identity-server. Every instance runs one; the outbox hands each command to one worker at a time, and a
 * failed attempt (Redis or the database briefly away) is retried with the back-channel logout's backoff
 * ({@code signet.logout.*}: poll interval, retry delays, attempts). Counted as
 * {@code signet.interventions.session_endings{reason,outcome}}.
 */
public final class SessionEndingWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndingWorker.class);
    private static final int BATCH = 20;
    /** Hides a claimed command from other workers for longer than ending one account's sessions takes. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final SessionEndingOutbox outbox;
    private final SessionTermination sessions;
    private final RetrySchedule retries;
    private final MeterRegistry meters;
    private final PollingWorker worker;

    public SessionEndingWorker(SessionEndingOutbox outbox, SessionTermination sessions, LogoutProperties properties,
            Clock clock, MeterRegistry meters) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.retries = properties.retrySchedule(clock);
        this.meters = Objects.requireNonNull(meters, "meters");
        this.worker = new PollingWorker("session-endings", List.of(new PollingWorker.Task(
                "end the sessions of accounts", properties.pollInterval(), this::processDue)));
    }

    /** Carries out what is due now, one batch at a time until none is left; returns how many were attempted. */
    public int processDue() {
        return PollingWorker.drain(() -> outbox.claimDue(BATCH, LEASE), this::process);
    }

    private void process(SessionEnding command) {
        try {
            SessionTermination.Scope scope = command.sessionSid()
                    .<SessionTermination.Scope>map(SessionTermination.Scope.Named::new)
                    .orElseGet(SessionTermination.Scope.All::new);
            SessionTermination.Ended ended = sessions.end(command.accountId(), scope);
            outbox.completed(command.id());
            count(command, "done");
            LOG.info("Sessions of account {} ended ({}): {} relying-party sessions told, {} token families revoked, "
                    + "{} sessions ended", command.accountId(), command.reason(), ended.servicesTold(),
                    ended.tokenFamiliesRevoked(), ended.sessionsEnded());
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            Optional<Instant> retryAt = retries.retryAt(command.attempt());
            if (retryAt.isEmpty()) {
                outbox.markFailed(command.id(), failure);
                count(command, "failed");
                LOG.error("Could not end the sessions of account {} after {} attempts: {}", command.accountId(),
                        command.attempt(), failure);
            } else {
                outbox.retryLater(command.id(), retryAt.get(), failure);
                count(command, "retry");
                LOG.warn("Ending the sessions of account {} failed (attempt {}): {}; will retry", command.accountId(),
                        command.attempt(), failure);
            }
        }
    }

    private void count(SessionEnding command, String outcome) {
        meters.counter("signet.interventions.session_endings", "reason",
                command.reason().name().toLowerCase(Locale.ROOT), "outcome", outcome).increment();
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
