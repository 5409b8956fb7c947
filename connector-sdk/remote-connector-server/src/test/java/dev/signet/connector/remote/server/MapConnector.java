package dev.signet.connector.remote.server;

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
import dev.signet.connector.UserKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A small connector over users in memory, that can be made to hang until released (a slow legacy store). */
class MapConnector implements PasswordConnector, LookupConnector, ListingConnector {

    record User(String loginName, String password, String subject, String email) {
    }

    static final List<User> USERS = List.of(
            new User("ann.jones", "correct horse battery", "subject-0001", "ann.jones@example.org"),
            new User("bob.smith", "Tr0ub4dor&3", "subject-0002", "bob.smith@example.org"),
            new User("cat.evans", "p@ss w0rd!", "subject-0003", "cat.evans@example.org"));

    private final ConnectorInstance instance = ConnectorInstance.of("department-side", "Old accounts", "tests");
    private final TreeMap<String, User> bySubject = new TreeMap<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    MapConnector() {
        USERS.forEach(user -> bySubject.put(user.subject(), user));
    }

    /** Makes every call wait until {@link #release()}. */
    void hang() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    @Override
    public ConnectorInstance instance() {
        return instance;
    }

    @Override
    public SignInOutcome checkPassword(String loginName, Password password) {
        waitIfHeld();
        Optional<User> user = bySubject.values().stream().filter(u -> u.loginName().equals(loginName)).findFirst();
        if (password.isEmpty() || user.isEmpty()) {
            return new InvalidCredentials();
        }
        return MessageDigest.isEqual(password.utf8(), user.get().password().getBytes(StandardCharsets.UTF_8))
                ? new Authenticated(identity(user.get())) : new InvalidCredentials();
    }

    @Override
    public LookupOutcome lookUp(UserKey key) {
        waitIfHeld();
        Optional<User> user = key instanceof UserKey.BySubject s ? Optional.ofNullable(bySubject.get(s.subject()))
                : bySubject.values().stream().filter(u -> u.loginName().equals(((UserKey.ByLoginName) key)
                        .loginName())).findFirst();
        return user.<LookupOutcome>map(u -> new Found(identity(u))).orElseGet(NotFound::new);
    }

    @Override
    public ListingOutcome list(PageRequest request) {
        waitIfHeld();
        Map<String, User> rest = request.cursor().map(after -> bySubject.tailMap(after, false)).orElse(bySubject);
        List<LegacyIdentity> page = rest.values().stream().limit(request.size()).map(this::identity).toList();
        Optional<PageRequest> next = page.size() < request.size() ? Optional.empty()
                : Optional.of(new PageRequest(Optional.of(page.get(page.size() - 1).subject()), request.size()));
        return new Page(page, next);
    }

    private LegacyIdentity identity(User user) {
        return new LegacyIdentity(instance.id(), user.subject(), Map.of("email", user.email()), Map.of());
    }

    private void waitIfHeld() {
        try {
            hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same users, offering only password checks. */
    static final class PasswordsOnly implements PasswordConnector {

        private final MapConnector users = new MapConnector();

        @Override
        public ConnectorInstance instance() {
            return users.instance();
        }

        @Override
        public SignInOutcome checkPassword(String loginName, Password password) {
            return users.checkPassword(loginName, password);
        }
    }
}
