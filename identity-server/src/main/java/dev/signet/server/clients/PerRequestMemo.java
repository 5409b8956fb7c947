package dev.signet.server.clients;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers look-ups for the length of one HTTP request, in a request attribute: a token request looks its client up
 * many times, and each look-up would otherwise be a PostgreSQL round trip. Nothing outlives the request, so a change
 * made elsewhere is seen by the next request; outside a request (workers, start-up) every call loads afresh.
 */
final class PerRequestMemo<K, V> {

    private final String attribute;

    PerRequestMemo(String name) {
        this.attribute = PerRequestMemo.class.getName() + "." + Objects.requireNonNull(name, "name");
    }

    V get(K key, Function<K, V> load) {
        Map<K, V> seen = seenInThisRequest();
        if (seen == null || key == null) {
            return load.apply(key);
        }
        V value = seen.get(key);
        if (value == null) {
            value = load.apply(key);
            seen.put(key, value);
        }
        return value;
    }

    /** Forgets this request's look-ups, after a write in the same request. */
    void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> seenInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object seen = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        if (seen == null) {
            seen = new HashMap<K, V>(4);
            request.setAttribute(attribute, seen, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<K, V>) seen;
    }
}
