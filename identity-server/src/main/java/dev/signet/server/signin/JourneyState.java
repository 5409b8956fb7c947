package dev.signet.server.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * A journey's answers so far, kept in the HTTP session (server side, so the citizen cannot alter them) under one
 * attribute per journey. Values must be serializable: sessions may live in Redis.
 *
 * @param <T> the journey's record
 */
public final class JourneyState<T extends Serializable> {

    private final String attribute;
    private final Class<T> type;
    private final String startPath;

    public JourneyState(Class<T> type, String startPath) {
        this.attribute = "signet.journey." + type.getName();
        this.type = type;
        this.startPath = startPath;
    }

    /** The journey so far; a {@link JourneyTimedOutException} when there is none. */
    public T require(HttpServletRequest request) {
        return find(request).orElseThrow(() -> new JourneyTimedOutException(startPath));
    }

    public Optional<T> find(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute(attribute);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    public void save(HttpServletRequest request, T value) {
        request.getSession(true).setAttribute(attribute, value);
    }

    public void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(attribute);
        }
    }
}
