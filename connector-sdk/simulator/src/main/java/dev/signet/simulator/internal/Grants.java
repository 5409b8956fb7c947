package dev.signet.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator has handed out: browser sessions, authorization codes (single use, one minute), access tokens
 * and refresh tokens. Refresh tokens rotate: each use replaces the token, and presenting a used one again revokes the
 * whole sign-in (its family), as Signet does (RFC 9700 §4.14.2).
 */
public final class Grants {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** A browser's sign-in: the session cookie's value maps to it. */
    public record Session(String sessionId, String subject, Instant authTime, String vot, Set<String> clientIds) {
    }

    /** What an authorization request asked for and got; carried by its code and every token of the sign-in. */
    public record SignInGrant(String clientId, String subject, String redirectUri, String codeChallenge,
            Optional<String> nonce, List<String> scopes, Map<String, Object> claimsRequest, String vot,
            Instant authTime, String sessionId) {
    }

    record Code(SignInGrant grant, Instant expiresAt) {
    }

    /** A sign-in's tokens; revoking the family revokes them all. */
    static final class Family {
        final SignInGrant grant;
        volatile boolean revoked;

        Family(SignInGrant grant) {
            this.grant = grant;
        }
    }

    record AccessToken(Family family, Instant expiresAt) {
        boolean active(Instant now) {
            return !family.revoked && now.isBefore(expiresAt);
        }
    }

    static final class RefreshToken {
        final Family family;
        volatile boolean used;

        RefreshToken(Family family) {
            this.family = family;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    public void clear() {
        sessions.clear();
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    // sessions

    /** Starts a session and returns its cookie value. */
    public String startSession(String subject, String vot) {
        String cookie = Randoms.token();
        sessions.put(cookie, new Session(Randoms.token(), subject, Instant.now(), vot, ConcurrentHashMap.newKeySet()));
        return cookie;
    }

    public Optional<Session> session(String cookie) {
        return cookie == null ? Optional.empty() : Optional.ofNullable(sessions.get(cookie));
    }

    public Optional<Session> endSession(String cookie) {
        return cookie == null ? Optional.empty() : Optional.ofNullable(sessions.remove(cookie));
    }

    public Optional<Session> endSessionWithId(String sessionId) {
        for (Map.Entry<String, Session> entry : sessions.entrySet()) {
            if (entry.getValue().sessionId().equals(sessionId)) {
                return Optional.ofNullable(sessions.remove(entry.getKey()));
            }
        }
        return Optional.empty();
    }

    /** The newest session of a subject, for a back-channel logout sent on demand. */
    public Optional<Session> sessionOf(String subject) {
        return sessions.values().stream().filter(session -> session.subject().equals(subject))
                .max((a, b) -> a.authTime().compareTo(b.authTime()));
    }

    // codes

    public String issueCode(SignInGrant grant) {
        String code = Randoms.token();
        codes.put(code, new Code(grant, Instant.now().plus(CODE_LIFETIME)));
        return code;
    }

    /** The code's grant, once: a code is removed when presented, whatever happens next. */
    public Optional<SignInGrant> redeemCode(String code) {
        Code found = code == null ? null : codes.remove(code);
        if (found == null || Instant.now().isAfter(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found.grant());
    }

    // tokens

    /** Fresh tokens for a sign-in, with the refresh token's family. */
    public record Issued(String accessToken, String refreshToken, Instant accessTokenExpiresAt) {
    }

    public Issued issueTokens(SignInGrant grant) {
        return issue(new Family(grant));
    }

    private Issued issue(Family family) {
        String accessToken = Randoms.token();
        String refreshToken = Randoms.token();
        Instant expiresAt = Instant.now().plus(ACCESS_TOKEN_LIFETIME);
        accessTokens.put(accessToken, new AccessToken(family, expiresAt));
        refreshTokens.put(refreshToken, new RefreshToken(family));
        return new Issued(accessToken, refreshToken, expiresAt);
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Refreshed {
        record Rotated(SignInGrant grant, Issued tokens) implements Refreshed {
        }

        record Refused(String reason) implements Refreshed {
        }
    }

    public Refreshed refresh(String refreshToken, String clientId) {
        RefreshToken found = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (found == null || !found.family.grant.clientId().equals(clientId)) {
            return new Refreshed.Refused("The refresh token is unknown");
        }
        synchronized (found) {
            if (found.family.revoked) {
                return new Refreshed.Refused("The refresh token was revoked");
            }
            if (found.used) {
                found.family.revoked = true; // reuse: someone else may hold it, so end the whole sign-in
                return new Refreshed.Refused("The refresh token was already used; the sign-in is revoked");
            }
            found.used = true;
        }
        return new Refreshed.Rotated(found.family.grant, issue(found.family));
    }

    /** The grant behind an active access token. */
    public Optional<SignInGrant> accessToken(String accessToken) {
        AccessToken found = accessToken == null ? null : accessTokens.get(accessToken);
        return found != null && found.active(Instant.now()) ? Optional.of(found.family.grant) : Optional.empty();
    }

    /** Revokes a token of this client (RFC 7009): a refresh token takes its whole family with it. */
    public void revoke(String token, String clientId) {
        RefreshToken refresh = refreshTokens.get(token);
        if (refresh != null && refresh.family.grant.clientId().equals(clientId)) {
            refresh.family.revoked = true;
            return;
        }
        AccessToken access = accessTokens.get(token);
        if (access != null && access.family.grant.clientId().equals(clientId)) {
            accessTokens.remove(token);
        }
    }
}
