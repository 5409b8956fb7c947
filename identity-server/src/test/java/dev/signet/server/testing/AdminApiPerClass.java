package dev.signet.server.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.Environment;

/**
 * One {@link RunningAdminApi} for a test class, closed once the class is done. Register it as a static
 * {@code @RegisterExtension} field and call {@link #start} from a {@code @BeforeEach}: the identity-server it sits
 * beside, and so its environment and port, is only known once Spring has injected the test instance.
 */
public final class AdminApiPerClass implements AfterAllCallback {

    private RunningAdminApi running;

    /** Starts the admin API the first time; later calls return the one already running. */
    public synchronized RunningAdminApi start(Environment identityServer, String baseUrl) {
        if (running == null) {
            running = RunningAdminApi.start(identityServer, baseUrl);
        }
        return running;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
