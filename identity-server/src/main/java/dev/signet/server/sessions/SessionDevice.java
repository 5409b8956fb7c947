package dev.signet.server.sessions;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser and operating system a session was signed in from, summarised from the User-Agent header so the citizen
 * can recognise their own devices ("Firefox on Windows"). Only the summary is kept, never the full header: it is
 * enough to recognise a device and says less about the citizen. A header that names no known browser or system gives
 * no summary (the page then says "Unknown device").
 *
 * <p>Kept in the session, so serializable: the fields are plain strings, null when not recognised.
 *
 * @param browser the browser's everyday name, or null when not recognised
 * @param system  the operating system's everyday name, or null when not recognised
 */
public record SessionDevice(String browser, String system) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute that holds a signed-in session's device. */
    public static final String ATTRIBUTE = "signet.sessionDevice";

    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
    private static final List<String[]> BROWSERS = List.of(new String[] {"edg/", "Edge"},
            new String[] {"edga/", "Edge"}, new String[] {"edgios/", "Edge"}, new String[] {"opr/", "Opera"},
            new String[] {"samsungbrowser/", "Samsung Internet"}, new String[] {"firefox/", "Firefox"},
            new String[] {"fxios/", "Firefox"}, new String[] {"crios/", "Chrome"}, new String[] {"chromium/", "Chromium"},
            new String[] {"chrome/", "Chrome"}, new String[] {"safari/", "Safari"});
    private static final List<String[]> SYSTEMS = List.of(new String[] {"iphone", "iPhone"},
            new String[] {"ipad", "iPad"}, new String[] {"android", "Android"}, new String[] {"cros ", "ChromeOS"},
            new String[] {"windows", "Windows"}, new String[] {"mac os x", "macOS"}, new String[] {"macintosh", "macOS"},
            new String[] {"linux", "Linux"});

    /** Neither browser nor system recognised. */
    public static final SessionDevice UNKNOWN = new SessionDevice(null, null);

    public Optional<String> browserName() {
        return Optional.ofNullable(browser);
    }

    public Optional<String> systemName() {
        return Optional.ofNullable(system);
    }

    /** The summary of a User-Agent header, or empty when it names neither a known browser nor a known system. */
    public static Optional<SessionDevice> fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.empty();
        }
        String header = userAgent.toLowerCase(Locale.ROOT);
        Optional<String> browser = firstNamed(BROWSERS, header);
        Optional<String> system = firstNamed(SYSTEMS, header);
        return browser.isEmpty() && system.isEmpty() ? Optional.empty()
                : Optional.of(new SessionDevice(browser.orElse(null), system.orElse(null)));
    }

    private static Optional<String> firstNamed(List<String[]> names, String header) {
        return names.stream().filter(name -> header.contains(name[0])).map(name -> name[1]).findFirst();
    }
}
