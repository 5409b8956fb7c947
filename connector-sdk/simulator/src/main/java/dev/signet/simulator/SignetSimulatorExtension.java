package dev.signet.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The simulator as a JUnit 5 extension: started once for the test class, reset before each test (so one test's users,
 * faults and sessions never leak into the next), stopped after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SignetSimulatorExtension signet = SignetSimulatorExtension.builder()
 *         .user(SimulatedUser.builder("citizen-1").email("margaret@example.org").build())
 *         .client(SimulatedClient.builder("fishing-licence").jwks(publicJwks)
 *                 .redirectUri("http://localhost:8080/auth/callback").build())
 *         .build();
 *
 * @Test
 * void cancelledSignInShowsStartAgain() {
 *     signet.simulator().failNextAuthorization(AuthorizationError.ACCESS_DENIED);
 *     ... your service, configured with signet.issuer() ...
 * }
 * }</pre>
 *
 * Register it in a {@code static} field so it starts before your service's client is built; a test method may also
 * take a {@link SignetSimulator} parameter.
 */
public final class SignetSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private final SimulatorSettings settings;
    private volatile SignetSimulator simulator;
    /** The class whose end stops the simulator: the outermost one, so @Nested classes share it. */
    private volatile Class<?> owner;

    private SignetSimulatorExtension(SimulatorSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The issuer to configure your service with. The simulator starts at the first call if JUnit has not started it
     * yet, so a static client can be built from it in a static initialiser.
     */
    public String issuer() {
        return simulator().issuer();
    }

    /** The running simulator, to change users, {@code vot} and faults for one test. */
    public SignetSimulator simulator() {
        SignetSimulator running = simulator;
        if (running == null) {
            synchronized (this) {
                if (simulator == null) {
                    simulator = SignetSimulator.start(settings);
                }
                running = simulator;
            }
        }
        return running;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (owner == null) {
            owner = context.getRequiredTestClass();
        }
        simulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator().reset();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != owner) {
            return;
        }
        owner = null;
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SignetSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    /** The simulator's settings (see {@link SimulatorSettings.Builder}), then {@link #build()}. */
    public static final class Builder extends SimulatorSettings.Builder<Builder> {
        private Builder() {
        }

        /** The extension; the simulator starts when first needed (its issuer asked for, or the test class). */
        public SignetSimulatorExtension build() {
            return new SignetSimulatorExtension(settings());
        }
    }
}
