package dev.signet.simulator.internal;

import dev.signet.simulator.AuthorizationError;
import dev.signet.simulator.IdTokenFault;
import dev.signet.simulator.LoginMode;
import dev.signet.simulator.SimulatedClient;
import dev.signet.simulator.SimulatedUser;
import dev.signet.simulator.SimulatorSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the simulator does now: its users and clients, who signs in, the {@code vot} achieved, and the one-shot faults
 * a test has asked for (each used by the next request it applies to, then gone). Thread-safe: tests change it while
 * the server answers.
 */
public final class Behaviour {

    private final Map<String, SimulatedUser> users = new LinkedHashMap<>();
    private final Map<String, SimulatedClient> clients = new LinkedHashMap<>();
    private Optional<String> signInAs = Optional.empty();
    private Optional<String> vot = Optional.empty();
    private LoginMode loginMode = LoginMode.AUTOMATIC;
    private final AtomicReference<AuthorizationError> nextAuthorizationError = new AtomicReference<>();
    private final AtomicReference<TokenErrorSpec> nextTokenError = new AtomicReference<>();
    private final AtomicReference<IdTokenFault> nextIdTokenFault = new AtomicReference<>();

    /** A token endpoint error: the code and its status. */
    public record TokenErrorSpec(String code, int status) {
    }

    public synchronized void reset(SimulatorSettings settings) {
        users.clear();
        users.putAll(settings.users());
        clients.clear();
        clients.putAll(settings.clients());
        signInAs = settings.signInAs();
        vot = settings.vot();
        loginMode = settings.loginMode();
        nextAuthorizationError.set(null);
        nextTokenError.set(null);
        nextIdTokenFault.set(null);
    }

    public synchronized void addUser(SimulatedUser user) {
        users.put(user.subject(), user);
    }

    public synchronized void addClient(SimulatedClient client) {
        clients.put(client.clientId(), client);
    }

    public synchronized Optional<SimulatedUser> user(String subject) {
        return Optional.ofNullable(users.get(subject));
    }

    public synchronized List<SimulatedUser> users() {
        return new ArrayList<>(users.values());
    }

    public synchronized Optional<SimulatedClient> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    public synchronized void signInAs(String subject) {
        if (!users.containsKey(subject)) {
            throw new IllegalArgumentException("No configured user has subject " + subject);
        }
        signInAs = Optional.of(subject);
    }

    /** The user the next automatic sign-in is for: the chosen one, else the first. */
    public synchronized Optional<SimulatedUser> signingInUser() {
        return signInAs.map(users::get).or(() -> users.values().stream().findFirst());
    }

    public synchronized void vot(Optional<String> vot) {
        this.vot = vot;
    }

    public synchronized Optional<String> vot() {
        return vot;
    }

    public synchronized void loginMode(LoginMode loginMode) {
        this.loginMode = loginMode;
    }

    public synchronized LoginMode loginMode() {
        return loginMode;
    }

    public void failNextAuthorization(AuthorizationError error) {
        nextAuthorizationError.set(error);
    }

    public Optional<AuthorizationError> takeAuthorizationError() {
        return Optional.ofNullable(nextAuthorizationError.getAndSet(null));
    }

    public void failNextTokenRequest(TokenErrorSpec error) {
        nextTokenError.set(error);
    }

    public Optional<TokenErrorSpec> takeTokenError() {
        return Optional.ofNullable(nextTokenError.getAndSet(null));
    }

    public void spoilNextIdToken(IdTokenFault fault) {
        nextIdTokenFault.set(fault);
    }

    public Optional<IdTokenFault> takeIdTokenFault() {
        return Optional.ofNullable(nextIdTokenFault.getAndSet(null));
    }
}
