package dev.signet.connector.remote.server;

import dev.signet.connector.Connector;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.UserKey;
import dev.signet.connector.remote.internal.Operation;
import dev.signet.connector.remote.internal.Outcomes;
import dev.signet.connector.remote.internal.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a verified request's operation on the connector and gives the outcome as the protocol's claims. A connector that
 * throws is answered as {@code unavailable}: the protocol has no way to carry an exception, and its message could hold
 * personal data.
 */
final class ConnectorDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ConnectorDispatcher.class);

    private final Connector connector;

    ConnectorDispatcher(Connector connector) {
        this.connector = connector;
    }

    Map<String, Object> run(Operation operation, Map<String, Object> request) throws Refusal {
        return switch (operation) {
            case DESCRIBE -> describe();
            case CHECK_PASSWORD -> checkPassword(capability(PasswordConnector.class, operation), request);
            case LOOK_UP -> lookUp(capability(LookupConnector.class, operation), request);
            case LIST -> list(capability(ListingConnector.class, operation), request);
        };
    }

    private Map<String, Object> describe() {
        List<String> capabilities = new ArrayList<>();
        if (connector.capability(PasswordConnector.class).isPresent()) {
            capabilities.add(Operation.CHECK_PASSWORD.wireName());
        }
        if (connector.capability(LookupConnector.class).isPresent()) {
            capabilities.add(Operation.LOOK_UP.wireName());
        }
        if (connector.capability(ListingConnector.class).isPresent()) {
            capabilities.add(Operation.LIST.wireName());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
        claims.put(Protocol.CAPABILITIES, capabilities);
        return claims;
    }

    private Map<String, Object> checkPassword(PasswordConnector passwords, Map<String, Object> request) throws Refusal {
        String loginName = text(request, Protocol.LOGIN_NAME, Protocol.MAX_NAME_LENGTH);
        String typed = request.get(Protocol.PASSWORD) instanceof String given ? given : null;
        if (typed == null || typed.length() > Protocol.MAX_PASSWORD_LENGTH) {
            throw malformed("password must be a string of at most " + Protocol.MAX_PASSWORD_LENGTH + " characters");
        }
        try (Password password = Password.of(typed)) {
            SignInOutcome outcome = guarded(() -> passwords.checkPassword(loginName, password));
            return Outcomes.write(outcome);
        }
    }

    private Map<String, Object> lookUp(LookupConnector lookups, Map<String, Object> request) throws Refusal {
        if (!(request.get(Protocol.KEY) instanceof Map<?, ?> key) || key.size() != 1) {
            throw malformed("key must be an object with exactly one of subject or login_name");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) key;
        UserKey userKey;
        if (fields.containsKey(Protocol.SUBJECT)) {
            userKey = UserKey.subject(text(fields, Protocol.SUBJECT, Protocol.MAX_NAME_LENGTH));
        } else if (fields.containsKey(Protocol.LOGIN_NAME)) {
            userKey = UserKey.loginName(text(fields, Protocol.LOGIN_NAME, Protocol.MAX_NAME_LENGTH));
        } else {
            throw malformed("key must be an object with exactly one of subject or login_name");
        }
        LookupOutcome outcome = guarded(() -> lookups.lookUp(userKey));
        return Outcomes.write(outcome);
    }

    private Map<String, Object> list(ListingConnector listing, Map<String, Object> request) throws Refusal {
        if (!(request.get(Protocol.SIZE) instanceof Number size) || size.doubleValue() != size.longValue()
                || size.longValue() < 1 || size.longValue() > PageRequest.MAX_SIZE) {
            throw malformed("size must be a whole number from 1 to " + PageRequest.MAX_SIZE);
        }
        Optional<String> cursor = Optional.empty();
        if (request.containsKey(Protocol.CURSOR)) {
            cursor = Optional.of(text(request, Protocol.CURSOR, Protocol.MAX_NAME_LENGTH));
        }
        PageRequest page = new PageRequest(cursor, (int) size.longValue());
        ListingOutcome outcome = guarded(() -> listing.list(page));
        return Outcomes.write(outcome);
    }

    private <T> T capability(Class<T> type, Operation operation) throws Refusal {
        return connector.capability(type).orElseThrow(() -> new Refusal(404, "unsupported-operation",
                "this connector does not offer " + operation.wireName()));
    }

    @SuppressWarnings("unchecked")
    private <T> T guarded(Supplier<T> call) {
        try {
            T outcome = call.get();
            if (outcome == null) {
                log.error("Connector {} returned null, which no connector may", connector.instance().id());
                return (T) Outcomes.unavailable("the connector gave no outcome");
            }
            return outcome;
        } catch (RuntimeException e) {
            log.error("Connector {} threw {} instead of returning an outcome", connector.instance().id(),
                    e.getClass().getName());
            return (T) Outcomes.unavailable("the connector failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String text(Map<String, Object> fields, String name, int longest) throws Refusal {
        if (!(fields.get(name) instanceof String value) || value.length() > longest) {
            throw malformed(name + " must be a string of at most " + longest + " characters");
        }
        return value;
    }

    private static Refusal malformed(String reason) {
        return new Refusal(400, "malformed-request", reason);
    }
}
