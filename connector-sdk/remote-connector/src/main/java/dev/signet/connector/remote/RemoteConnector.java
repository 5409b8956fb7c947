package dev.signet.connector.remote;

import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import dev.signet.connector.remote.internal.BoundedHttp;
import dev.signet.connector.remote.internal.JwksUrlKeys;
import dev.signet.connector.remote.internal.MessageRejected;
import dev.signet.connector.remote.internal.Operation;
import dev.signet.connector.remote.internal.Outcomes;
import dev.signet.connector.remote.internal.Protocol;
import dev.signet.connector.remote.internal.StaticVerificationKeys;
import dev.signet.connector.remote.internal.VerificationKeys;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A department's connector reached over the remote connector protocol. It offers the capabilities the remote reports
 * in {@code describe} (asked lazily, kept for {@code describe-refresh}); until the remote has answered, it offers all
 * three, and each call says {@link Unavailable} if the remote cannot serve it. Every failure (unreachable, too slow,
 * refused, badly signed, malformed) is {@link Unavailable} with a reason; nothing is thrown.
 */
final class RemoteConnector implements PasswordConnector, LookupConnector, ListingConnector, SignsRequests {

    private static final Logger log = LoggerFactory.getLogger(RemoteConnector.class);

    private final ConnectorInstance instance;
    private final RemoteSettings settings;
    private final ExecutorService httpThreads;
    private final RemoteCalls calls;
    private final Clock clock;

    /** After a failed describe, how long to go on with what is known before asking again. */
    static final Duration DESCRIBE_RETRY = Duration.ofSeconds(30);

    private volatile Described described;
    private volatile Instant describeFailedAt = Instant.MIN;

    /** The operations the remote last reported, and when. */
    private record Described(Set<Operation> operations, Instant at) {
    }

    RemoteConnector(ConnectorInstance instance, RemoteSettings settings) {
        this(instance, settings, Clock.systemUTC());
    }

    RemoteConnector(ConnectorInstance instance, RemoteSettings settings, Clock clock) {
        this.instance = instance;
        this.settings = settings;
        this.clock = clock;
        this.httpThreads = Executors.newCachedThreadPool(daemonThreads("remote-connector-" + instance.id()));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsTrust.context(settings.trustCertificates()))
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(httpThreads)
                .build();
        BoundedHttp http = new BoundedHttp(client);
        VerificationKeys keys = settings.connectorKey().<VerificationKeys>map(StaticVerificationKeys::parse)
                .orElseGet(() -> new JwksUrlKeys(settings.connectorJwksUrl().orElseThrow(), http,
                        settings.requestTimeout(), clock));
        this.calls = new RemoteCalls(settings, http, keys, clock);
    }

    @Override
    public ConnectorInstance instance() {
        return instance;
    }

    @Override
    public String requestSigningPublicKey() {
        return settings.signingKey().publicJwkJson();
    }

    @Override
    public <C> Optional<C> capability(Class<C> capability) {
        Optional<C> offered = PasswordConnector.super.capability(capability);
        Optional<Operation> needed = operationFor(capability);
        if (offered.isEmpty() || needed.isEmpty()) {
            return offered;
        }
        Optional<Set<Operation>> reported = reportedOperations();
        return reported.isPresent() && !reported.get().contains(needed.get()) ? Optional.empty() : offered;
    }

    private static Optional<Operation> operationFor(Class<?> capability) {
        if (capability == PasswordConnector.class) {
            return Optional.of(Operation.CHECK_PASSWORD);
        }
        if (capability == LookupConnector.class) {
            return Optional.of(Operation.LOOK_UP);
        }
        if (capability == ListingConnector.class) {
            return Optional.of(Operation.LIST);
        }
        return Optional.empty();
    }

    /**
     * What the remote offers: fresh, or the last answer when it cannot be asked now; empty when never known. A failed
     * describe is not repeated for {@link #DESCRIBE_RETRY}, so that pages listing connectors do not wait on a remote
     * that is down at every request.
     */
    private Optional<Set<Operation>> reportedOperations() {
        Described last = described;
        Instant now = clock.instant();
        if (last != null && last.at().plus(settings.describeRefresh()).isAfter(now)
                || describeFailedAt.plus(DESCRIBE_RETRY).isAfter(now)) {
            return Optional.ofNullable(last).map(Described::operations);
        }
        try {
            Map<String, Object> answer = calls.call(Operation.DESCRIBE, Map.of());
            if (!(answer.get(Protocol.CAPABILITIES) instanceof List<?> names)) {
                throw new RemoteCalls.CallFailed("the connector's description lists no capabilities");
            }
            Set<Operation> operations = EnumSet.noneOf(Operation.class);
            names.forEach(name -> Operation.named(String.valueOf(name)).ifPresent(operations::add));
            described = new Described(operations, clock.instant());
            return Optional.of(operations);
        } catch (RemoteCalls.CallFailed e) {
            log.warn("Remote connector {}: describe failed: {}", instance.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Remote connector {}: describe failed ({})", instance.id(), e.getClass().getSimpleName());
        }
        describeFailedAt = clock.instant();
        return Optional.ofNullable(last).map(Described::operations);
    }

    @Override
    public SignInOutcome checkPassword(String loginName, Password password) {
        // Refused here, never sent: an empty password, and lengths no legacy system holds.
        if (password.isEmpty() || password.length() > Protocol.MAX_PASSWORD_LENGTH || loginName.isEmpty()
                || loginName.length() > Protocol.MAX_NAME_LENGTH) {
            return new InvalidCredentials();
        }
        char[] characters = password.characters();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Protocol.LOGIN_NAME, loginName);
        parameters.put(Protocol.PASSWORD, new String(characters)); // JSON needs a String; it lives for this call only
        Arrays.fill(characters, '\0');
        return call(Operation.CHECK_PASSWORD, parameters, claims -> Outcomes.readSignIn(claims, instance.id()));
    }

    @Override
    public LookupOutcome lookUp(UserKey key) {
        String value = key instanceof UserKey.BySubject bySubject ? bySubject.subject()
                : ((UserKey.ByLoginName) key).loginName();
        if (value.isEmpty() || value.length() > Protocol.MAX_NAME_LENGTH) {
            return new NotFound();
        }
        String field = key instanceof UserKey.BySubject ? Protocol.SUBJECT : Protocol.LOGIN_NAME;
        return call(Operation.LOOK_UP, Map.of(Protocol.KEY, Map.of(field, value)),
                claims -> Outcomes.readLookUp(claims, instance.id()));
    }

    @Override
    public ListingOutcome list(PageRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(Protocol.SIZE, request.size());
        request.cursor().ifPresent(cursor -> parameters.put(Protocol.CURSOR, cursor));
        return call(Operation.LIST, parameters, claims -> Outcomes.readPage(claims, instance.id(), request));
    }

    private interface Reader<T> {
        T read(Map<String, Object> claims) throws MessageRejected;
    }

    private <T> T call(Operation operation, Map<String, Object> parameters, Reader<T> reader) {
        try {
            T outcome = reader.read(calls.call(operation, parameters));
            if (outcome instanceof Unavailable unavailable) {
                log.warn("Remote connector {}: {} unavailable: {}", instance.id(), operation.wireName(),
                        unavailable.reason());
            }
            return outcome;
        } catch (RemoteCalls.CallFailed | MessageRejected e) {
            return unavailable(operation, e.getMessage());
        } catch (RuntimeException e) {
            // Never let a failure escape as an exception; its message could quote what was sent, so name its class.
            return unavailable(operation, "the call failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T unavailable(Operation operation, String reason) {
        log.warn("Remote connector {}: {} unavailable: {}", instance.id(), operation.wireName(), reason);
        return (T) Outcomes.unavailable(reason);
    }

    @Override
    public void close() {
        httpThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
