package dev.signet.server.testing.browser;

import dev.signet.server.testing.JourneyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests that walk journeys in a real headless Chromium against the running server (as
 * {@link JourneyIntegrationTest}, sharing its Spring context), as a citizen would: {@link #citizen()} finds fields by
 * their labels and buttons and links by their words, and checks every Signet page it reaches with axe-core. All
 * browser tests of the JVM share one Chromium, clean at the start of each test; {@link TestRelyingParty} is the
 * service a citizen comes from. Without Chromium every browser test is reported as skipped, naming the packages to
 * install.
 */
@Tag("browser")
public abstract class BrowserIntegrationTest extends JourneyIntegrationTest {

    @RegisterExtension
    static final ChromiumExtension CHROMIUM = new ChromiumExtension();

    @BeforeEach
    void useTheSharedBrowserAgainstThisServer() {
        relyingParty().useProvider(baseUrl());
    }

    /** The citizen at the browser, for one test. */
    protected Citizen citizen() {
        return new Citizen(CHROMIUM.chromium(), baseUrl());
    }

    protected TestRelyingParty relyingParty() {
        return CHROMIUM.chromium().relyingParty();
    }

    protected Chromium chromium() {
        return CHROMIUM.chromium();
    }
}
