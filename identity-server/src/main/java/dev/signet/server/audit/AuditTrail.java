package dev.signet.server.audit;

import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the citizens' journey events (sign-in, sign-up, password reset, sign-out) to the audit log, off the request
 * thread: the journey hands over the event (who, what, when and, read from the current request, from where) and goes
 * on; one writer thread appends what has queued up, many events to one transaction.
 *
 * <p>Decision: a failure to audit never fails a citizen's request. Each failed write is retried, then logged at ERROR
 * with the event type and account (never more) and counted as {@code signet.audit.failures}: alert on that counter.
 * When the queue is full (the database is slow or down), the journey writes its event itself rather than dropping
 * it, which slows that request but loses nothing. Events still queued at shutdown are written before the server stops.
 */
public final class AuditTrail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final int BATCH = 200;
    private static final int ATTEMPTS = 3;

    private final AuditLog auditLog;
    private final Clock clock;
    private final BlockingQueue<AuditEvent> queue;
    private final Counter failures;
    private final Duration retryDelay;
    private final Thread writer;
    private volatile boolean stopping;

    public AuditTrail(AuditLog auditLog, Clock clock, MeterRegistry meters, int queueCapacity, Duration retryDelay) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.failures = meters.counter("signet.audit.failures");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        this.writer = new Thread(this::writeUntilStopped, "signet-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Records an event of the current request (its client address and user agent are taken from it). */
    public void record(Actor actor, AuditEventType type, Optional<UUID> accountId, Map<String, String> details) {
        AuditEvent event;
        try {
            event = new AuditEvent(clock.instant(), actor, type, accountId, currentOrigin(), details);
        } catch (RuntimeException invalid) {
            // A programming error in the caller: say so loudly, but the citizen's journey goes on.
            failed(type, accountId, invalid);
            return;
        }
        if (!queue.offer(event)) {
            write(List.of(event));
        }
    }

    private static AuditOrigin currentOrigin() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return AuditOrigin.of(request.getRemoteAddr(), request.getHeader("User-Agent"));
        }
        return AuditOrigin.NONE;
    }

    private void writeUntilStopped() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<AuditEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                auditLog.appendAll(events);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    events.forEach(event -> failed(event.type(), event.accountId(), e));
                    return;
                }
                try {
                    Thread.sleep(retryDelay.toMillis() * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    events.forEach(event -> failed(event.type(), event.accountId(), interrupted));
                    return;
                }
            }
        }
    }

    private void failed(AuditEventType type, Optional<UUID> accountId, Exception cause) {
        failures.increment();
        log.error("AUDIT EVENT LOST: could not write {} for account {} to the audit log", type,
                accountId.map(UUID::toString).orElse("-"), cause);
    }

    /** Writes what is still queued, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }
}
