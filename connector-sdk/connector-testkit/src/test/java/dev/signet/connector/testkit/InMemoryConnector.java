package dev.signet.connector.testkit;

import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * A connector over a map of users, whose "backend" is a TCP port it must reach before answering, with faults that can
 * be switched on to prove the kit catches them.
 */
final class InMemoryConnector implements PasswordConnector, LookupConnector, ListingConnector {

    enum Fault { LOGS_PASSWORD, THROWS_ON_WRONG_PASSWORD, ACCEPTS_EMPTY_PASSWORD, WAITS_FOREVER, LISTS_TWICE,
        LEAKS_LOGIN_IN_REASON, MATCHES_WILDCARDS }

    record User(String loginName, String password, String subject, String email) {
    }

    private static final Logger log = Logger.getLogger(InMemoryConnector.class.getName());

    private final ConnectorInstance instance = ConnectorInstance.of("in-memory", "In-memory accounts", "tests");
    private final TreeMap<String, User> bySubject = new TreeMap<>();
    private final int backendPort;
    private final Set<Fault> faults;

    InMemoryConnector(List<User> users, int backendPort, Set<Fault> faults) {
        users.forEach(user -> bySubject.put(user.subject(), user));
        this.backendPort = backendPort;
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    @Override
    public ConnectorInstance instance() {
        return instance;
    }

    @Override
    public SignInOutcome checkPassword(String loginName, Password password) {
        if (faults.contains(Fault.LOGS_PASSWORD)) {
            log.fine("checking password " + new String(password.characters()));
        }
        if (password.isEmpty() && !faults.contains(Fault.ACCEPTS_EMPTY_PASSWORD)) {
            return new InvalidCredentials();
        }
        Optional<String> down = reachBackend();
        if (down.isPresent()) {
            return new Unavailable(faults.contains(Fault.LEAKS_LOGIN_IN_REASON) ? down.get() + " for " + loginName
                    : down.get());
        }
        Optional<User> user = byLogin(loginName);
        if (user.isEmpty()) {
            return new InvalidCredentials();
        }
        if (password.isEmpty()) {
            return new Authenticated(identity(user.get()));
        }
        boolean matches = MessageDigest.isEqual(password.utf8(), user.get().password().getBytes(StandardCharsets.UTF_8));
        if (!matches && faults.contains(Fault.THROWS_ON_WRONG_PASSWORD)) {
            throw new IllegalArgumentException("wrong password");
        }
        log.info("password checked");
        return matches ? new Authenticated(identity(user.get())) : new InvalidCredentials();
    }

    @Override
    public LookupOutcome lookUp(UserKey key) {
        Optional<String> down = reachBackend();
        if (down.isPresent()) {
            return new Unavailable(down.get());
        }
        Optional<User> user = key instanceof UserKey.BySubject s ? Optional.ofNullable(bySubject.get(s.subject()))
                : byLogin(((UserKey.ByLoginName) key).loginName());
        return user.<LookupOutcome>map(u -> new Found(identity(u))).orElseGet(NotFound::new);
    }

    @Override
    public ListingOutcome list(PageRequest request) {
        Optional<String> down = reachBackend();
        if (down.isPresent()) {
            return new Unavailable(down.get());
        }
        Map<String, User> rest = request.cursor().map(after -> bySubject.tailMap(after, faults.contains(Fault.LISTS_TWICE)))
                .orElse(bySubject);
        List<LegacyIdentity> page = rest.values().stream().limit(request.size()).map(this::identity).toList();
        Optional<PageRequest> next = page.size() < request.size() || page.isEmpty() ? Optional.empty()
                : Optional.of(new PageRequest(Optional.of(page.get(page.size() - 1).subject()), request.size()));
        return new Page(page, next);
    }

    private Optional<User> byLogin(String loginName) {
        if (faults.contains(Fault.MATCHES_WILDCARDS)) {
            // As a query or filter built by concatenation would: % and * match anything.
            String pattern = java.util.regex.Pattern.quote(loginName).replace("%", "\\E.*\\Q").replace("*", "\\E.*\\Q");
            return bySubject.values().stream().filter(user -> user.loginName().matches(pattern)).findFirst();
        }
        return bySubject.values().stream().filter(user -> user.loginName().equals(loginName)).findFirst();
    }

    private LegacyIdentity identity(User user) {
        return new LegacyIdentity(instance.id(), user.subject(), Map.of(), Map.of("email", user.email()));
    }

    /** Opens and reads one byte from the backend port: empty when it answers, the reason when it does not. */
    private Optional<String> reachBackend() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", backendPort), 1000);
            socket.setSoTimeout(faults.contains(Fault.WAITS_FOREVER) ? 0 : 500);
            InputStream in = socket.getInputStream();
            return in.read() == -1 ? Optional.of("backend closed the connection") : Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of("backend did not answer within 500 ms");
        } catch (IOException e) {
            return Optional.of("backend unreachable: " + e.getClass().getSimpleName());
        }
    }
}
