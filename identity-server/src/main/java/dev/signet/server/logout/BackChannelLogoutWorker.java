package dev.signet.server.logout;

import dev.signet.core.logout.LogoutDelivery;
import dev.signet.core.logout.LogoutOutbox;
import dev.signet.server.outbox.PollingWorker;
import dev.signet.server.outbox.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Delivers queued back-channel logout tokens: POSTs {@code logout_token} form-encoded to each relying party's
 * {@code backchannel_logout_uri}; a 2xx answer is success; anything else (an error status, a timeout, a refused
 * connection) is retried with exponential backoff until {@code signet.logout.max-attempts}. Runs on its own thread,
 * so neither the citizen's request nor other scheduled work waits for a relying party. Every instance runs one; the
 * outbox hands each delivery to one worker at a time.
 */
public final class BackChannelLogoutWorker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogoutWorker.class);
    private static final int BATCH = 20;

    private final LogoutOutbox outbox;
    private final RegisteredClientRepository clients;
    private final LogoutTokens tokens;
    private final LogoutProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final MeterRegistry meters;
    private final RetrySchedule retries;
    private final PollingWorker worker;

    public BackChannelLogoutWorker(LogoutOutbox outbox, RegisteredClientRepository clients, LogoutTokens tokens,
            LogoutProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.retries = properties.retrySchedule(clock);
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.worker = new PollingWorker("backchannel-logout", List.of(
                new PollingWorker.Task("deliver back-channel logout tokens", properties.pollInterval(),
                        this::deliverDue),
                new PollingWorker.Task("forget finished back-channel logouts", Duration.ofHours(1), () ->
                        outbox.deleteFinishedBefore(clock.instant().minus(properties.keepFinished())))));
    }

    /** Delivers what is due now (one batch at a time, until none is left); returns how many were attempted. */
    public int deliverDue() {
        // The lease outlasts one attempt, so a slow relying party's delivery is not handed to a second worker.
        Duration lease = properties.requestTimeout().multipliedBy(2).plusSeconds(5);
        return PollingWorker.drain(() -> outbox.claimDue(BATCH, lease), this::deliver);
    }

    private void deliver(LogoutDelivery delivery) {
        String clientId = delivery.notice().clientId();
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            outbox.markFailed(delivery.id(), "client is no longer registered");
            count("failed");
            LOG.warn("Back-channel logout {} to {} dropped: client is no longer registered", delivery.id(), clientId);
            return;
        }
        String failure;
        try {
            String body = "logout_token=" + URLEncoder.encode(tokens.issue(delivery, client), StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(delivery.notice().logoutUri())
                            .timeout(properties.requestTimeout())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cache-Control", "no-store")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.markDelivered(delivery.id());
                count("delivered");
                LOG.info("Back-channel logout {} delivered to {} (attempt {})", delivery.id(), clientId,
                        delivery.attempt());
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (RuntimeException e) {
            failure = "could not sign or send the logout token: " + e.getClass().getSimpleName();
        }
        Optional<Instant> retryAt = retries.retryAt(delivery.attempt());
        if (retryAt.isEmpty()) {
            outbox.markFailed(delivery.id(), failure);
            count("failed");
            LOG.warn("Back-channel logout {} to {} failed after {} attempts: {}", delivery.id(), clientId,
                    delivery.attempt(), failure);
        } else {
            outbox.retryLater(delivery.id(), retryAt.get(), failure);
            count("retry");
            LOG.info("Back-channel logout {} to {} attempt {} failed ({}), will retry", delivery.id(), clientId,
                    delivery.attempt(), failure);
        }
    }

    /** Attempts by outcome: delivered, retry (failed, will be tried again), failed (given up). */
    private void count(String outcome) {
        meters.counter("signet.logout.backchannel.attempts", "outcome", outcome).increment();
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
