package dev.signet.connector.testkit;

import dev.signet.connector.PasswordConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A well-behaved connector passes the kit; subclasses switch faults on (see {@link ConformanceKitCatchesFaultsTest}). */
class InMemoryConnectorConformanceTest extends PasswordConnectorConformance {

    private static ServerSocket answeringBackend;
    private static UnresponsiveServer unresponsiveBackend;

    static final List<InMemoryConnector.User> USERS = List.of(
            new InMemoryConnector.User("ann.jones", "correct horse battery", "subject-0001", "ann.jones@example.org"),
            new InMemoryConnector.User("bob.smith", "Tr0ub4dor&3", "subject-0002", "bob.smith@example.org"),
            new InMemoryConnector.User("cat.evans", "p@ss w0rd!", "subject-0003", "cat.evans@example.org"));

    @BeforeAll
    static void startBackends() throws IOException {
        answeringBackend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread answering = new Thread(() -> {
            while (!answeringBackend.isClosed()) {
                try (Socket socket = answeringBackend.accept()) {
                    socket.getOutputStream().write('+');
                } catch (IOException closed) {
                    return;
                }
            }
        });
        answering.setDaemon(true);
        answering.start();
        unresponsiveBackend = UnresponsiveServer.start();
    }

    @AfterAll
    static void stopBackends() {
        try {
            answeringBackend.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unresponsiveBackend.close();
    }

    Set<InMemoryConnector.Fault> faults() {
        return Set.of();
    }

    @Override
    protected PasswordConnector openConnector() {
        return new InMemoryConnector(USERS, answeringBackend.getLocalPort(), faults());
    }

    @Override
    protected PasswordConnector openUnreachableConnector() {
        return new InMemoryConnector(USERS, unresponsiveBackend.port(), faults());
    }

    @Override
    protected KnownUser knownUser() {
        return new KnownUser("bob.smith", "Tr0ub4dor&3", "subject-0002", Set.of("bob.smith@example.org"));
    }

    @Override
    protected LogCapture.Detail logDetail() {
        return LogCapture.Detail.TRACE; // nothing here traces the wire
    }

    @Override
    protected Duration unavailableWithin() {
        return Duration.ofSeconds(3);
    }

    /** Each fault, as its own conformance run. Nested, so Surefire does not run them on their own. */
    static class LogsPassword extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.LOGS_PASSWORD);
        }
    }

    static class ThrowsOnWrongPassword extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.THROWS_ON_WRONG_PASSWORD);
        }
    }

    static class AcceptsEmptyPassword extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.ACCEPTS_EMPTY_PASSWORD);
        }
    }

    static class WaitsForever extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.WAITS_FOREVER);
        }
    }

    static class ListsTwice extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.LISTS_TWICE);
        }
    }

    static class LeaksLoginInReason extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.LEAKS_LOGIN_IN_REASON);
        }
    }

    static class MatchesWildcards extends InMemoryConnectorConformanceTest {
        @Override
        Set<InMemoryConnector.Fault> faults() {
            return EnumSet.of(InMemoryConnector.Fault.MATCHES_WILDCARDS);
        }
    }
}
