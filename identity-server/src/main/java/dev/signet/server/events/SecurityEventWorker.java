package dev.signet.server.events;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.events.SecurityEventDelivery;
import dev.signet.core.events.SecurityEventOutbox;
import dev.signet.server.logout.LogoutProperties;
import dev.signet.server.outbox.PollingWorker;
import dev.signet.server.outbox.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers queued Security Event Tokens by push (RFC 8935): POSTs the token as {@code application/secevent+jwt} to
 * the relying party's events endpoint as registered now. {@code 202 Accepted} (or another 2xx) is delivered; a
 * {@code 400} is the recipient's final word about the token (RFC 8935 §2.3: its {@code err} and {@code description}
 * are recorded, and it is not sent again); anything else (a 5xx, another status, a timeout, a refused connection) is
 * retried with exponential backoff until the attempts run out. Retry settings are the back-channel logout's
 * ({@code signet.logout.*}), as for Signet's other outboxes. Counted as
 * {@code signet.events.deliveries{client,outcome}}, outcome {@code delivered}, {@code retry} or {@code failed}.
 */
public final class SecurityEventWorker implements SmartLifecycle {

    static final String MEDIA_TYPE = "application/secevent+jwt";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityEventWorker.class);
    private static final int BATCH = 20;
    /** The most of an error response that is read: enough for RFC 8935's error object. */
    private static final int MAX_ERROR_BODY = 4096;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecurityEventOutbox outbox;
    private final RelyingPartyRepository relyingParties;
    private final SecurityEventTokens tokens;
    private final LogoutProperties settings;
    private final RetrySchedule retries;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final PollingWorker worker;

    SecurityEventWorker(SecurityEventOutbox outbox, RelyingPartyRepository relyingParties, SecurityEventTokens tokens,
            LogoutProperties retries, Clock clock, MeterRegistry meters) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(retries, "retries");
        this.retries = retries.retrySchedule(clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.worker = new PollingWorker("security-events", List.of(
                new PollingWorker.Task("deliver security events", settings.pollInterval(), this::deliverDue),
                new PollingWorker.Task("forget finished security events", Duration.ofHours(1), () ->
                        outbox.deleteFinishedBefore(clock.instant().minus(settings.keepFinished())))));
    }

    /** Delivers what is due now, one batch at a time until none is left; returns how many were attempted. */
    public int deliverDue() {
        // The lease outlasts one attempt, so a slow relying party's delivery is not handed to a second worker.
        Duration lease = settings.requestTimeout().multipliedBy(2).plusSeconds(5);
        return PollingWorker.drain(() -> outbox.claimDue(BATCH, lease), this::deliver);
    }

    private void deliver(SecurityEventDelivery delivery) {
        Optional<RelyingParty> relyingParty = relyingParties.findByClientId(delivery.clientId());
        Optional<URI> endpoint = relyingParty.flatMap(RelyingParty::eventsUri);
        if (endpoint.isEmpty()) {
            giveUp(delivery, relyingParty.isEmpty() ? "the client is no longer registered"
                    : "the client no longer has an events endpoint");
            return;
        }
        String failure;
        try {
            String token = tokens.issue(delivery, relyingParty.get());
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(endpoint.get())
                            .timeout(settings.requestTimeout())
                            .header("Content-Type", MEDIA_TYPE)
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(token, StandardCharsets.US_ASCII)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String body = readBounded(response.body(), status == 400 ? MAX_ERROR_BODY : 0);
            if (status / 100 == 2) {
                outbox.markDelivered(delivery.id());
                count(delivery, "delivered");
                LOG.info("Security event {} delivered to {} (attempt {}, HTTP {})", delivery.id(),
                        delivery.clientId(), delivery.attempt(), status);
                return;
            }
            if (status == 400) {
                giveUp(delivery, "refused: " + recipientError(body));
                return;
            }
            failure = "HTTP " + status;
        } catch (IOException e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (RuntimeException e) {
            failure = "could not sign or send the security event token: " + e.getClass().getSimpleName();
        }
        Optional<Instant> retryAt = retries.retryAt(delivery.attempt());
        if (retryAt.isEmpty()) {
            giveUp(delivery, failure + " (after " + delivery.attempt() + " attempts)");
        } else {
            outbox.retryLater(delivery.id(), retryAt.get(), failure);
            count(delivery, "retry");
            LOG.info("Security event {} to {}: attempt {} failed ({}), will retry", delivery.id(),
                    delivery.clientId(), delivery.attempt(), failure);
        }
    }

    private void giveUp(SecurityEventDelivery delivery, String reason) {
        outbox.markFailed(delivery.id(), reason);
        count(delivery, "failed");
        LOG.warn("Security event {} to {} failed: {}", delivery.id(), delivery.clientId(), reason);
    }

    /** RFC 8935 §2.3's error object, as "err: description"; whatever else came, said so. */
    static String recipientError(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            String err = error.path("err").asString("");
            if (!err.isBlank()) {
                String description = error.path("description").asString("");
                return printable(err) + (description.isBlank() ? "" : ": " + printable(description));
            }
        } catch (RuntimeException e) {
            // not JSON: fall through
        }
        return "HTTP 400 without an RFC 8935 error object";
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static String readBounded(InputStream body, int limit) throws IOException {
        try (body) {
            return new String(body.readNBytes(limit), StandardCharsets.UTF_8);
        }
    }

    private void count(SecurityEventDelivery delivery, String outcome) {
        meters.counter("signet.events.deliveries", "client", delivery.clientId(), "outcome", outcome).increment();
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
