package dev.signet.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The kit is only worth something if it fails faulty connectors: each fault must fail the test that guards it. */
class ConformanceKitCatchesFaultsTest {

    @Test
    void aPasswordInTheLogsFailsEveryTestThatLoggedIt() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.LogsPassword.class))
                .contains("rightPasswordIsAuthenticated", "wrongPasswordIsInvalidCredentials");
    }

    @Test
    void anExceptionForAWrongPasswordFails() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.ThrowsOnWrongPassword.class))
                .contains("wrongPasswordIsInvalidCredentials", "prefixOfThePasswordIsInvalidCredentials",
                        "concurrentChecks");
    }

    @Test
    void acceptingAnEmptyPasswordFails() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.AcceptsEmptyPassword.class))
                .containsExactly("emptyPasswordIsRefused");
    }

    @Test
    void waitingBeyondTheTimeLimitFails() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.WaitsForever.class)).containsExactlyInAnyOrder(
                "unreachableBackendIsUnavailableInTime", "lookUpWhenUnreachableIsUnavailable",
                "listingWhenUnreachableIsUnavailable");
    }

    @Test
    void listingAUserTwiceFails() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.ListsTwice.class))
                .containsExactly("listingPagesThroughEveryUser");
    }

    @Test
    void aLoginNameInAnUnavailableReasonFails() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.LeaksLoginInReason.class))
                .containsExactly("unreachableBackendIsUnavailableInTime");
    }

    @Test
    void matchingLoginNamesAsPatternsFails() {
        assertThat(failedTests(InMemoryConnectorConformanceTest.MatchesWildcards.class))
                .containsExactly("hostileLoginNamesNeverMatch");
    }

    private static List<String> failedTests(Class<?> conformanceRun) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(conformanceRun)).execute()
                .testEvents();
        assertThat(tests.started().count()).as("the kit's tests ran").isGreaterThanOrEqualTo(12);
        return tests.failed().stream().map(Event::getTestDescriptor)
                .map(descriptor -> descriptor.getLegacyReportingName().replace("()", "")).toList();
    }
}
