package dev.signet.simulator;

import dev.signet.simulator.internal.Behaviour;
import dev.signet.simulator.internal.ProviderServer;
import java.util.Objects;
import java.util.Optional;

/**
 * A local OpenID Connect provider that behaves like Signet towards your service, so you can test your integration
 * without a running Signet. It speaks what Signet speaks to a relying party: discovery, JWKS, the authorization code
 * flow with PKCE {@code S256}, {@code private_key_jwt} and {@code client_secret_basic}, ID tokens with {@code vot},
 * {@code vtm}, {@code sid}, {@code auth_time} and {@code at_hash}, userinfo, refresh token rotation, revocation,
 * RP-initiated logout, back-channel logout tokens and security event tokens.
 *
 * <pre>{@code
 * try (SignetSimulator signet = SignetSimulator.builder()
 *         .user(SimulatedUser.builder("citizen-1").email("margaret@example.org").build())
 *         .client(SimulatedClient.builder("fishing-licence").jwks(publicJwks)
 *                 .redirectUri("http://localhost:8080/auth/callback").build())
 *         .start()) {
 *     signet.issuer();                                   // http://localhost:PORT: configure your service with it
 *     signet.failNextAuthorization(AuthorizationError.ACCESS_DENIED);
 *     signet.spoilNextIdToken(IdTokenFault.WRONG_NONCE);
 * }
 * }</pre>
 *
 * <p>Everything can be changed while it runs; each {@code failNext...}/{@code spoilNext...} applies to the next
 * request it concerns and is then used up. {@link #reset()} returns to the settings it was started with. Not for
 * production: anyone reaching it is signed in.
 */
public final class SignetSimulator implements AutoCloseable {

    private final Behaviour behaviour = new Behaviour();
    private final ProviderServer server;

    private SignetSimulator(SimulatorSettings settings) {
        behaviour.reset(settings);
        this.server = ProviderServer.start(settings, behaviour);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a simulator with these settings. */
    public static SignetSimulator start(SimulatorSettings settings) {
        return new SignetSimulator(Objects.requireNonNull(settings, "settings"));
    }

    /** The issuer, {@code http://localhost:PORT}: the one setting your service needs to use the simulator. */
    public String issuer() {
        return server.issuer();
    }

    public int port() {
        return server.port();
    }

    /** Back to the settings it started with: users, clients, who signs in, vot; no faults, sessions or tokens. */
    public void reset() {
        server.reset();
    }

    /** Adds (or replaces, by subject) a user. */
    public SignetSimulator addUser(SimulatedUser user) {
        behaviour.addUser(Objects.requireNonNull(user, "user"));
        return this;
    }

    /** Registers (or replaces, by client id) a client. */
    public SignetSimulator addClient(SimulatedClient client) {
        behaviour.addClient(Objects.requireNonNull(client, "client"));
        return this;
    }

    /** The user the next automatic sign-in is for; a browser signed in as someone else signs in again. */
    public SignetSimulator signInAs(String subject) {
        behaviour.signInAs(Objects.requireNonNull(subject, "subject"));
        return this;
    }

    /**
     * The vector of trust sign-ins achieve from now on: {@code Cl} or {@code Cl.Cm}. A request asking for more gets
     * {@code unmet_authentication_requirements}.
     */
    public SignetSimulator vot(String vot) {
        behaviour.vot(Optional.of(SimulatorSettings.checkVector(vot)));
        return this;
    }

    /** Sign-ins achieve the weakest vector each request accepts (the default). */
    public SignetSimulator votAsRequested() {
        behaviour.vot(Optional.empty());
        return this;
    }

    public SignetSimulator loginMode(LoginMode loginMode) {
        behaviour.loginMode(Objects.requireNonNull(loginMode, "loginMode"));
        return this;
    }

    /** The next authorization request is answered with this error at the redirect URI. */
    public SignetSimulator failNextAuthorization(AuthorizationError error) {
        behaviour.failNextAuthorization(Objects.requireNonNull(error, "error"));
        return this;
    }

    /** The next token request (code or refresh) is answered with this error. */
    public SignetSimulator failNextTokenRequest(TokenError error) {
        Objects.requireNonNull(error, "error");
        behaviour.failNextTokenRequest(new Behaviour.TokenErrorSpec(error.code(), error.status()));
        return this;
    }

    /** The next ID token issued (code or refresh grant) has this fault. */
    public SignetSimulator spoilNextIdToken(IdTokenFault fault) {
        behaviour.spoilNextIdToken(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /**
     * A logout token for the client about the subject's newest session here ({@code sid} included when they have
     * one), for your back-channel logout endpoint.
     */
    public String logoutToken(String clientId, String subject) {
        return server.logoutToken(clientId, Optional.of(subject), server.sessionIdOf(subject));
    }

    /** A logout token naming only a session id (no {@code sub}). */
    public String logoutTokenForSession(String clientId, String sessionId) {
        return server.logoutToken(clientId, Optional.empty(), Optional.of(sessionId));
    }

    /**
     * POSTs {@link #logoutToken(String, String)} to the client's back-channel logout URI.
     *
     * @return the HTTP status your endpoint answered (Signet counts any 2xx as delivered)
     * @throws java.io.UncheckedIOException when your endpoint cannot be reached
     */
    public int sendBackChannelLogout(String clientId, String subject) {
        return server.sendLogoutToken(clientId, logoutToken(clientId, subject));
    }

    /** POSTs a logout token you made (e.g. one already sent, to test replay) to the client's back-channel URI. */
    public int sendLogoutToken(String clientId, String logoutToken) {
        return server.sendLogoutToken(clientId, logoutToken);
    }

    /** A signed security event token for the client ({@code typ secevent+jwt}). */
    public String securityEventToken(String clientId, SecurityEvents.Event event) {
        return server.securityEventToken(clientId, Objects.requireNonNull(event, "event"));
    }

    /**
     * Pushes a security event to the client's events URI (RFC 8935).
     *
     * @return the HTTP status your endpoint answered (RFC 8935 expects 202)
     */
    public int sendSecurityEvent(String clientId, SecurityEvents.Event event) {
        return server.sendSecurityEventToken(clientId, securityEventToken(clientId, event));
    }

    /** Stops listening. */
    @Override
    public void close() {
        server.close();
    }

    /** Builds and {@link #start()}s a simulator; see {@link SimulatorSettings.Builder} for the settings. */
    public static final class Builder extends SimulatorSettings.Builder<Builder> {
        private Builder() {
        }

        public SignetSimulator start() {
            return SignetSimulator.start(settings());
        }
    }
}
