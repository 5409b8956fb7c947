package dev.signet.connector.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Connector;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance tests every {@link PasswordConnector} must pass. Extend this class in your connector's tests, tell
 * it how to open your connector against a working backend and against an unreachable one, and name one user the
 * working backend holds:
 *
 * <pre>{@code
 * class LegacyDatabaseConformanceTest extends PasswordConnectorConformance {
 *     protected PasswordConnector openConnector() { return open(databaseUrl); }
 *     protected PasswordConnector openUnreachableConnector() { return open(urlOf(blackHole.port())); }
 *     protected KnownUser knownUser() {
 *         return new KnownUser("ann.jones", "correct horse", "4711", Set.of("ann.jones@example.org"));
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks:
 * <ul>
 *   <li>the right password gives {@link Authenticated} with the known subject and the connector's own id;</li>
 *   <li>a wrong password, a password that is only the start of the right one, an empty password and an unknown user
 *       all give {@link InvalidCredentials}, the same outcome; the empty password is refused before the backend is
 *       asked (an unreachable backend refuses it too);</li>
 *   <li>login names full of SQL, LDAP and wildcard metacharacters ({@code ' OR '1'='1}, {@code *)(uid=*}, the
 *       known login with its last character replaced by {@code %}, {@code _} or {@code *}, a NUL character) match
 *       nobody and never throw, at sign-in and at lookup;</li>
 *   <li>a 100,000-character password is {@link InvalidCredentials}, not an exception;</li>
 *   <li>a backend that cannot be reached gives {@link Unavailable} within {@link #unavailableWithin()}, for every
 *       capability;</li>
 *   <li>the connector leaves the caller's {@link Password} readable, and works from many threads at once;</li>
 *   <li>nothing any test makes the connector log (at DEBUG and above unless {@link #logDetail()} says TRACE, through
 *       SLF4J, java.util.logging or the standard streams) and no outcome's text contains a password, a login name or the known user's personal data;</li>
 *   <li>when the connector also offers {@link LookupConnector}: the known user is found by login name and by subject
 *       with the same subject as at sign-in, an unknown user is {@link NotFound};</li>
 *   <li>when it offers {@link ListingConnector}: paging visits the known user exactly once, pages never exceed the
 *       size asked, and no user appears twice.</li>
 * </ul>
 * Each test opens its own connector and closes it afterwards.
 */
public abstract class PasswordConnectorConformance {

    private final String wrongPassword = "wrong-" + UUID.randomUUID();
    private final String unknownLoginName = "nobody-" + UUID.randomUUID();

    private final List<Connector> opened = new ArrayList<>();
    private LogCapture logs;

    /** A connector whose backend is up and holds {@link #knownUser()}. */
    protected abstract PasswordConnector openConnector();

    /**
     * A connector configured like {@link #openConnector()} whose backend cannot be reached: pointed at an
     * {@link UnresponsiveServer}, a closed port or a host that does not answer. Opening it must succeed.
     */
    protected abstract PasswordConnector openUnreachableConnector();

    /** A user the working backend holds. */
    protected abstract KnownUser knownUser();

    /** The longest an answer from an unreachable backend may take; 15 seconds unless overridden. */
    protected Duration unavailableWithin() {
        return Duration.ofSeconds(15);
    }

    /**
     * How much detail the log check opens every logger to: {@link LogCapture.Detail#DEBUG} unless overridden. At
     * TRACE, JDBC and LDAP drivers trace the wire, bound parameters included (PostgreSQL's driver logs every bound
     * value at FINEST): that is the driver's opt-in diagnostic, outside the connector's control, and must never be
     * switched on in production. A connector whose libraries stay quiet at TRACE can override this to check it.
     */
    protected LogCapture.Detail logDetail() {
        return LogCapture.Detail.DEBUG;
    }

    @BeforeEach
    final void startCapturingLogs() {
        KnownUser user = knownUser();
        for (String value : user.personalData()) {
            if (value.length() < 5) {
                fail("Personal data values of the known user must be at least 5 characters, so finding one in the "
                        + "logs is no coincidence");
            }
        }
        logs = LogCapture.start(logDetail());
    }

    @AfterEach
    final void closeConnectorsAndCheckLogs() {
        try {
            opened.forEach(Connector::close);
        } finally {
            logs.close();
        }
        String text = logs.text();
        for (String forbidden : forbiddenValues()) {
            if (text.contains(forbidden)) {
                fail("The connector logged a password, login name or personal data value (length "
                        + forbidden.length() + "); the log lines are:\n" + redact(text));
            }
        }
    }

    @Test
    @DisplayName("the right password is Authenticated, with the known subject and the connector's id")
    void rightPasswordIsAuthenticated() {
        PasswordConnector connector = open(openConnector());
        SignInOutcome outcome = check(connector, knownUser().loginName(), knownUser().password());
        Authenticated authenticated = assertInstanceOf(Authenticated.class, outcome,
                "the known user's right password must give Authenticated");
        LegacyIdentity identity = authenticated.identity();
        assertEquals(connector.instance().id(), identity.connectorId(), "the identity names the connector");
        assertEquals(knownUser().subject(), identity.subject(), "the identity carries the known subject");
        assertOutcomeTextIsClean(outcome);
    }

    @Test
    @DisplayName("a wrong password is InvalidCredentials, not an exception")
    void wrongPasswordIsInvalidCredentials() {
        PasswordConnector connector = open(openConnector());
        assertInstanceOf(InvalidCredentials.class, check(connector, knownUser().loginName(), wrongPassword));
    }

    @Test
    @DisplayName("the right password less its last character is InvalidCredentials (no truncation or prefix match)")
    void prefixOfThePasswordIsInvalidCredentials() {
        String password = knownUser().password();
        assumeTrue(password.length() > 1, "the known password is one character long");
        PasswordConnector connector = open(openConnector());
        assertInstanceOf(InvalidCredentials.class,
                check(connector, knownUser().loginName(), password.substring(0, password.length() - 1)));
        assertInstanceOf(InvalidCredentials.class,
                check(connector, knownUser().loginName(), password + "x"));
    }

    @Test
    @DisplayName("an empty password is refused with InvalidCredentials before the backend is asked")
    void emptyPasswordIsRefused() {
        PasswordConnector connector = open(openConnector());
        assertInstanceOf(InvalidCredentials.class, check(connector, knownUser().loginName(), ""));
        // Refused without asking: an unreachable backend makes no difference (an LDAP server would take a bind with
        // an empty password as an anonymous bind, and succeed).
        PasswordConnector unreachable = open(openUnreachableConnector());
        assertInstanceOf(InvalidCredentials.class, check(unreachable, knownUser().loginName(), ""),
                "an empty password must be refused before the backend is asked");
    }

    @Test
    @DisplayName("login names full of SQL, LDAP and wildcard metacharacters never match and never throw")
    void hostileLoginNamesNeverMatch() {
        PasswordConnector connector = open(openConnector());
        String login = knownUser().loginName();
        String allButLast = login.substring(0, login.length() - 1);
        List<String> hostile = List.of("' OR '1'='1", "' OR 1=1 --", login + "' --", login + "')--", "\\" + login,
                "%", "_", "*", allButLast + "%", allButLast + "_", allButLast + "*", "*)(uid=*", login + ")(|(uid=*)",
                "admin)(&", login + "\\0", login + "\u0000", "\u0000");
        for (String loginName : hostile) {
            SignInOutcome outcome;
            try {
                outcome = check(connector, loginName, knownUser().password());
            } catch (RuntimeException e) {
                throw new AssertionError("checkPassword threw for a login name with metacharacters", e);
            }
            assertInstanceOf(InvalidCredentials.class, outcome,
                    "a login name with metacharacters must match nobody: " + loginName.replace("\u0000", "\\0"));
        }
        if (connector instanceof LookupConnector lookup) {
            for (String key : List.of("' OR '1'='1", "%", "*", allButLast + "%", "\u0000")) {
                assertInstanceOf(NotFound.class, lookup.lookUp(UserKey.loginName(key)), "lookup of " + key);
                assertInstanceOf(NotFound.class, lookup.lookUp(UserKey.subject(key)), "lookup of subject " + key);
            }
        }
    }

    @Test
    @DisplayName("a 100,000-character password is InvalidCredentials, not an exception")
    void veryLongPasswordIsInvalidCredentials() {
        PasswordConnector connector = open(openConnector());
        assertInstanceOf(InvalidCredentials.class,
                check(connector, knownUser().loginName(), knownUser().password().repeat(100_000 / 8 + 1)));
    }

    @Test
    @DisplayName("an unknown user is InvalidCredentials, the same outcome as a wrong password")
    void unknownUserIsInvalidCredentials() {
        PasswordConnector connector = open(openConnector());
        SignInOutcome unknown = check(connector, unknownLoginName, knownUser().password());
        SignInOutcome wrong = check(connector, knownUser().loginName(), wrongPassword);
        assertInstanceOf(InvalidCredentials.class, unknown);
        assertEquals(wrong, unknown, "an unknown user must be indistinguishable from a wrong password");
    }

    @Test
    @DisplayName("the connector leaves the caller's password readable")
    void passwordIsLeftToTheCaller() {
        PasswordConnector connector = open(openConnector());
        try (Password password = Password.of(knownUser().password())) {
            connector.checkPassword(knownUser().loginName(), password);
            assertEquals(knownUser().password(), new String(password.characters()),
                    "the connector must neither close nor alter the caller's password");
        }
    }

    @Test
    @DisplayName("an unreachable backend is Unavailable within the time limit, with a reason free of personal data")
    void unreachableBackendIsUnavailableInTime() {
        PasswordConnector connector = open(openUnreachableConnector());
        SignInOutcome outcome = assertTimeoutPreemptively(unavailableWithin(),
                () -> check(connector, knownUser().loginName(), knownUser().password()),
                "an unreachable backend must give Unavailable within " + unavailableWithin());
        Unavailable unavailable = assertInstanceOf(Unavailable.class, outcome);
        assertFalse(unavailable.reason().isBlank(), "Unavailable says why, for operators");
        assertOutcomeTextIsClean(outcome);
    }

    @Test
    @DisplayName("checks from many threads at once each get their own right answer")
    void concurrentChecks() throws Exception {
        PasswordConnector connector = open(openConnector());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignInOutcome>> right = new ArrayList<>();
            List<Future<SignInOutcome>> wrong = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                right.add(threads.submit(checking(connector, knownUser().password())));
                wrong.add(threads.submit(checking(connector, wrongPassword)));
            }
            for (Future<SignInOutcome> outcome : right) {
                assertInstanceOf(Authenticated.class, outcome.get());
            }
            for (Future<SignInOutcome> outcome : wrong) {
                assertInstanceOf(InvalidCredentials.class, outcome.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("lookup: the known user is found by login name and by subject, with the sign-in subject")
    void lookUpFindsTheKnownUser() {
        LookupConnector connector = lookupCapability(open(openConnector()));
        LookupOutcome byLogin = connector.lookUp(UserKey.loginName(knownUser().loginName()));
        LegacyIdentity found = byLogin.found().orElseGet(() -> fail("known user not found by login name: " + byLogin));
        assertEquals(knownUser().subject(), found.subject());
        assertEquals(connector.instance().id(), found.connectorId());
        LookupOutcome bySubject = connector.lookUp(UserKey.subject(knownUser().subject()));
        assertEquals(found, bySubject.found().orElseGet(() -> fail("known user not found by subject: " + bySubject)),
                "looking up by subject gives the same identity as by login name");
        assertOutcomeTextIsClean(bySubject);
    }

    @Test
    @DisplayName("lookup: an unknown user is NotFound")
    void lookUpOfAnUnknownUserIsEmpty() {
        LookupConnector connector = lookupCapability(open(openConnector()));
        assertInstanceOf(NotFound.class, connector.lookUp(UserKey.loginName(unknownLoginName)));
        assertInstanceOf(NotFound.class, connector.lookUp(UserKey.subject(unknownLoginName)));
        assertTrue(connector.lookUp(UserKey.loginName(unknownLoginName)).found().isEmpty());
    }

    @Test
    @DisplayName("lookup: an unreachable backend is Unavailable within the time limit")
    void lookUpWhenUnreachableIsUnavailable() {
        LookupConnector connector = lookupCapability(open(openUnreachableConnector()));
        LookupOutcome outcome = assertTimeoutPreemptively(unavailableWithin(),
                () -> connector.lookUp(UserKey.loginName(knownUser().loginName())));
        assertInstanceOf(Unavailable.class, outcome);
        assertOutcomeTextIsClean(outcome);
    }

    @Test
    @DisplayName("listing: paging visits the known user once, never repeats a user, never exceeds the page size")
    void listingPagesThroughEveryUser() {
        ListingConnector connector = listingCapability(open(openConnector()));
        Set<String> subjects = new HashSet<>();
        int knownSeen = 0;
        Optional<PageRequest> request = Optional.of(PageRequest.first(2));
        for (int pages = 0; request.isPresent(); pages++) {
            assertTrue(pages < 100_000, "listing never ends");
            ListingOutcome outcome = connector.list(request.get());
            Page page = assertInstanceOf(Page.class, outcome, "listing a working backend gives pages");
            assertTrue(page.identities().size() <= 2, "a page holds at most the size asked");
            for (LegacyIdentity identity : page.identities()) {
                assertTrue(subjects.add(identity.subject()), "a user appears once in a listing");
                assertEquals(connector.instance().id(), identity.connectorId());
                if (identity.subject().equals(knownUser().subject())) {
                    knownSeen++;
                }
            }
            request = page.next();
        }
        assertEquals(1, knownSeen, "the known user appears in the listing exactly once");
    }

    @Test
    @DisplayName("listing: an unreachable backend is Unavailable within the time limit")
    void listingWhenUnreachableIsUnavailable() {
        ListingConnector connector = listingCapability(open(openUnreachableConnector()));
        ListingOutcome outcome = assertTimeoutPreemptively(unavailableWithin(),
                () -> connector.list(PageRequest.first(10)));
        assertInstanceOf(Unavailable.class, outcome);
    }

    /** Values no log line or outcome text may contain. */
    private Set<String> forbiddenValues() {
        Set<String> forbidden = new LinkedHashSet<>();
        forbidden.add(knownUser().password());
        forbidden.add(wrongPassword);
        forbidden.add(knownUser().loginName());
        forbidden.add(unknownLoginName);
        forbidden.addAll(knownUser().personalData());
        return forbidden;
    }

    private void assertOutcomeTextIsClean(Object outcome) {
        String text = String.valueOf(outcome);
        for (String forbidden : forbiddenValues()) {
            assertFalse(text.contains(forbidden),
                    "an outcome's text must not contain a password, login name or personal data: " + redact(text));
        }
    }

    private String redact(String text) {
        String redacted = text;
        for (String forbidden : forbiddenValues()) {
            redacted = redacted.replace(forbidden, "(FOUND HERE)");
        }
        return redacted;
    }

    private SignInOutcome check(PasswordConnector connector, String loginName, String password) {
        try (Password typed = Password.of(password)) {
            SignInOutcome outcome = connector.checkPassword(loginName, typed);
            assertNotNull(outcome, "checkPassword never returns null");
            return outcome;
        }
    }

    private Callable<SignInOutcome> checking(PasswordConnector connector, String password) {
        return () -> check(connector, knownUser().loginName(), password);
    }

    private <C extends Connector> C open(C connector) {
        assertNotNull(connector, "the connector under test");
        opened.add(connector);
        return connector;
    }

    private LookupConnector lookupCapability(PasswordConnector connector) {
        Optional<LookupConnector> lookup = connector.capability(LookupConnector.class);
        assumeTrue(lookup.isPresent(), "the connector does not offer lookups");
        return lookup.get();
    }

    private ListingConnector listingCapability(PasswordConnector connector) {
        Optional<ListingConnector> listing = connector.capability(ListingConnector.class);
        assumeTrue(listing.isPresent(), "the connector does not offer listing");
        return listing.get();
    }
}
