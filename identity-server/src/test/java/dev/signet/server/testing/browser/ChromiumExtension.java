package dev.signet.server.testing.browser;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives browser tests the JVM's one {@link Chromium}, started on first use and closed when the test run ends. Without
 * Chromium and chromedriver on the machine each browser test is skipped (a failed JUnit assumption, reported as skipped
 * with the packages to install) and no browser is started; with {@code -Dsignet.browser-tests=required} the tests fail
 * instead, for machines where they must run.
 */
public final class ChromiumExtension implements BeforeAllCallback, BeforeEachCallback {

    static final String REQUIRED_PROPERTY = "signet.browser-tests";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);

    private volatile Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<ChromiumInstallation> installation = ChromiumInstallation.find();
        if (installation.isEmpty()) {
            if ("required".equals(System.getProperty(REQUIRED_PROPERTY))) {
                throw new IllegalStateException(ChromiumInstallation.HOW_TO_INSTALL);
            }
            // Each test aborts (below) rather than the class, so that every browser test is reported as skipped.
            return;
        }
        // The root store lives for the whole test run and closes (AutoCloseable) what it holds at the end.
        chromium = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Chromium.class, key -> Chromium.start(installation.get()), Chromium.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(chromium != null, ChromiumInstallation.HOW_TO_INSTALL);
        chromium().reset();
    }

    /** The running Chromium, once {@link #beforeAll} has let the test class run. */
    public Chromium chromium() {
        if (chromium == null) {
            throw new IllegalStateException("Chromium is started before the test class runs");
        }
        return chromium;
    }
}
