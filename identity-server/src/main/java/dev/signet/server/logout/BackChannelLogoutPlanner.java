package dev.signet.server.logout;

import dev.signet.core.logout.LogoutNotice;
import dev.signet.core.logout.LogoutOutbox;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Decides who to tell when a session ends: every relying party with a back-channel logout URI that received an ID
 * token in that session (its {@code sid} claim is the session's), told with the {@code sub} of that ID token (its own
 * pairwise or public identifier for the citizen). The notices go to the outbox in the sign-out request itself.
 */
public final class BackChannelLogoutPlanner {

    private final AuthorizationStore authorizations;
    private final RegisteredClientRepository clients;
    private final BackChannelLogoutUris logoutUris;
    private final LogoutOutbox outbox;

    public BackChannelLogoutPlanner(AuthorizationStore authorizations, RegisteredClientRepository clients,
            BackChannelLogoutUris logoutUris, LogoutOutbox outbox) {
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.logoutUris = Objects.requireNonNull(logoutUris, "logoutUris");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * Queues a notice for each relying party used in the session.
     *
     * @param principalName the citizen (account id)
     * @param sid           the session's {@code sid} (hash of the session id, as in ID tokens)
     * @return the notices queued
     */
    public List<LogoutNotice> sessionEnded(String principalName, String sid) {
        Map<String, LogoutNotice> byClient = new LinkedHashMap<>();
        for (OAuth2Authorization authorization : authorizations.findByPrincipalName(principalName)) {
            OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
            if (idToken == null || !sid.equals(idToken.getToken().getClaimAsString("sid"))) {
                continue;
            }
            RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
            if (client == null || byClient.containsKey(client.getClientId())) {
                continue;
            }
            Optional<URI> logoutUri = logoutUris.of(client);
            if (logoutUri.isPresent()) {
                byClient.put(client.getClientId(), new LogoutNotice(client.getClientId(), logoutUri.get(),
                        idToken.getToken().getSubject(), Optional.of(sid)));
            }
        }
        List<LogoutNotice> notices = List.copyOf(byClient.values());
        if (!notices.isEmpty()) {
            outbox.enqueue(notices);
        }
        return notices;
    }

    /**
     * Queues a notice for every session of the citizen at every relying party with a back-channel logout URI: one per
     * relying party and {@code sid} its ID tokens carried. For an account intervention (suspension, block), which ends
     * all the citizen's sessions at once.
     *
     * @return the notices queued
     */
    public List<LogoutNotice> allSessionsEnded(String principalName) {
        return sessionsEnded(principalName, sid -> true);
    }

    /**
     * Like {@link #allSessionsEnded}, but for every session except one: the citizen signed out of their other
     * devices, or changed their password, and stays signed in where they did it. ID tokens without a {@code sid}
     * cannot be told apart, so their relying parties are told too.
     *
     * @param keptSid the {@code sid} of the session that goes on
     * @return the notices queued
     */
    public List<LogoutNotice> otherSessionsEnded(String principalName, String keptSid) {
        Objects.requireNonNull(keptSid, "keptSid");
        return sessionsEnded(principalName, sid -> sid.map(value -> !value.equals(keptSid)).orElse(true));
    }

    private List<LogoutNotice> sessionsEnded(String principalName, Predicate<Optional<String>> endedSid) {
        Map<String, LogoutNotice> byClientAndSession = new LinkedHashMap<>();
        for (OAuth2Authorization authorization : authorizations.findByPrincipalName(principalName)) {
            OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
            RegisteredClient client = idToken == null ? null : clients.findById(authorization.getRegisteredClientId());
            if (client == null) {
                continue;
            }
            Optional<String> sid = Optional.ofNullable(idToken.getToken().getClaimAsString("sid"));
            if (!endedSid.test(sid)) {
                continue;
            }
            String key = client.getClientId() + ' ' + sid.orElse("");
            Optional<URI> logoutUri = logoutUris.of(client);
            if (logoutUri.isPresent() && !byClientAndSession.containsKey(key)) {
                byClientAndSession.put(key, new LogoutNotice(client.getClientId(), logoutUri.get(),
                        idToken.getToken().getSubject(), sid));
            }
        }
        List<LogoutNotice> notices = List.copyOf(byClientAndSession.values());
        if (!notices.isEmpty()) {
            outbox.enqueue(notices);
        }
        return notices;
    }
}
