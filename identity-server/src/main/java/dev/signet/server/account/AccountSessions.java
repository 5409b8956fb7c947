package dev.signet.server.account;

import dev.signet.server.sessions.CitizenSession;
import dev.signet.server.sessions.CitizenSessions;
import dev.signet.server.sessions.SessionDevice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the account page shows about the citizen's sessions ("Where you are signed in"). A session is named on pages
 * by its {@code sid} (a hash of its id, as in ID tokens), never by its id, which is a bearer secret.
 */
@Component
class AccountSessions {

    private final CitizenSessions sessions;
    private final MessageSource messages;

    AccountSessions(CitizenSessions sessions, MessageSource messages) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** One session as a row of the account page. */
    record Row(String handle, String device, String signedInAt, String lastActive, boolean thisDevice) {
    }

    /** The account page's sessions section: this device first, then the others, most recently active first. */
    record Section(List<Row> sessions, boolean othersExist) {
    }

    Section section(UUID accountId, HttpServletRequest request, Locale locale) {
        Optional<String> current = currentSessionId(request);
        List<Row> rows = sessions.findByAccount(accountId).stream()
                .map(session -> row(session, current, locale))
                .sorted(Comparator.comparing((Row row) -> !row.thisDevice()))
                .toList();
        return new Section(rows, rows.stream().anyMatch(row -> !row.thisDevice()));
    }

    /** One of the account's live sessions other than the current one, named by its handle. */
    Optional<CitizenSession> other(UUID accountId, String handle, HttpServletRequest request) {
        Optional<String> current = currentSessionId(request);
        return sessions.findByAccount(accountId).stream()
                .filter(session -> session.sid().equals(handle))
                .filter(session -> !current.equals(Optional.of(session.id())))
                .findFirst();
    }

    Row row(CitizenSession session, Optional<String> current, Locale locale) {
        return new Row(session.sid(), deviceName(session.device(), locale),
                AccountTimes.dateAndTime(session.signedInAt(), messages, locale),
                AccountTimes.dateAndTime(session.lastActiveAt(), messages, locale),
                current.equals(Optional.of(session.id())));
    }

    static Optional<String> currentSessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.of(session.getId());
    }

    private String deviceName(Optional<SessionDevice> device, Locale locale) {
        Optional<String> browser = device.flatMap(SessionDevice::browserName);
        Optional<String> system = device.flatMap(SessionDevice::systemName);
        if (browser.isPresent() && system.isPresent()) {
            return messages.getMessage("sessions.device.both", new Object[] {browser.get(), system.get()}, locale);
        }
        return browser.or(() -> system)
                .map(name -> messages.getMessage("sessions.device.one", new Object[] {name}, locale))
                .orElseGet(() -> messages.getMessage("sessions.device.unknown", null, locale));
    }
}
