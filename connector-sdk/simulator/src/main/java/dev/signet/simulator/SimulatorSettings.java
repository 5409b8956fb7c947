package dev.signet.simulator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a simulator starts, and what {@link SignetSimulator#reset()} returns it to: port, users, clients, who signs in,
 * the {@code vot} achieved and the login mode. Built by {@link SignetSimulator#builder()} or
 * {@link SignetSimulatorExtension#builder()}, or read from a file ({@link Builder#configFile(Path)}).
 */
public record SimulatorSettings(int port, String host, Map<String, SimulatedUser> users,
        Map<String, SimulatedClient> clients, Optional<String> signInAs, Optional<String> vot, LoginMode loginMode) {

    /** The vectors of trust Signet can establish, weakest first (docs/claims-and-trust.md). */
    public static final List<String> VECTORS = List.of("Cl", "Cl.Cm");

    public SimulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535: " + port);
        }
        Objects.requireNonNull(host, "host");
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users)); // ordered: the first user is the default
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
        Objects.requireNonNull(signInAs, "signInAs");
        Objects.requireNonNull(vot, "vot");
        Objects.requireNonNull(loginMode, "loginMode");
        if (signInAs.isPresent() && !users.containsKey(signInAs.get())) {
            throw new IllegalArgumentException("signInAs names no configured user: " + signInAs.get());
        }
        vot.ifPresent(SimulatorSettings::checkVector);
    }

    static String checkVector(String vector) {
        if (!VECTORS.contains(vector)) {
            throw new IllegalArgumentException("Not a vector of trust Signet establishes: " + vector + " (one of "
                    + VECTORS + ")");
        }
        return vector;
    }

    /**
     * The settings every builder shares. Users and clients keep the order they were added in; the first user is the
     * one signed in unless {@link #signInAs(String)} says otherwise.
     */
    public abstract static class Builder<B extends Builder<B>> {
        private int port;
        private String host = "localhost";
        private final Map<String, SimulatedUser> users = new LinkedHashMap<>();
        private final Map<String, SimulatedClient> clients = new LinkedHashMap<>();
        private String signInAs;
        private String vot;
        private LoginMode loginMode = LoginMode.AUTOMATIC;

        protected Builder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The port to listen on; default 0, any free port (read it from the issuer). */
        public B port(int port) {
            this.port = port;
            return self();
        }

        /**
         * The host name in the issuer, {@code localhost} by default ({@code http://localhost:PORT}). The simulator
         * listens on the loopback interface only.
         */
        public B host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return self();
        }

        public B user(SimulatedUser user) {
            users.put(user.subject(), user);
            return self();
        }

        public B client(SimulatedClient client) {
            clients.put(client.clientId(), client);
            return self();
        }

        /** The user every authorization signs in as (in {@link LoginMode#AUTOMATIC}). Default: the first user. */
        public B signInAs(String subject) {
            this.signInAs = Objects.requireNonNull(subject, "subject");
            return self();
        }

        /**
         * The vector of trust the citizen's sign-in achieves, {@code Cl} or {@code Cl.Cm}. Default: the weakest that
         * the request's {@code vtr} accepts, as Signet asks for no more than needed. A request asking for more than
         * this gets {@code unmet_authentication_requirements}.
         */
        public B vot(String vot) {
            this.vot = checkVector(vot);
            return self();
        }

        public B loginMode(LoginMode loginMode) {
            this.loginMode = Objects.requireNonNull(loginMode, "loginMode");
            return self();
        }

        /** Adds what a YAML or JSON file says (see the module's README); later calls override it. */
        public B configFile(Path file) {
            SimulatorConfigFile.read(file).applyTo(this);
            return self();
        }

        /** The settings as they stand. */
        public SimulatorSettings settings() {
            return new SimulatorSettings(port, host, users, clients, Optional.ofNullable(signInAs),
                    Optional.ofNullable(vot), loginMode);
        }
    }
}
