package dev.signet.spring;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.signet.client.IdToken;
import dev.signet.client.UserInfo;

/**
 * The signed-in citizen, as the principal of a {@link SignetAuthentication}: what Signet's validated ID token says.
 * Take it in a controller with {@code @AuthenticationPrincipal SignetUser citizen}.
 */
public final class SignetUser implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String vectorOfTrust;
    private final String sessionId;
    private final Map<String, Object> claims;
    private final List<LegacySubject> legacySubjects;
    private final String idToken;

    SignetUser(IdToken token, Optional<UserInfo> userInfo) {
        this.subject = token.subject();
        this.vectorOfTrust = token.vectorOfTrust().orElse(null);
        this.sessionId = token.sessionId().orElse(null);
        // Scope claims (email, ...) come from userinfo; the ID token's own claims win where both have one.
        Map<String, Object> all = new LinkedHashMap<>(userInfo.map(UserInfo::claims).orElse(Map.of()));
        all.putAll(token.claims());
        this.claims = Map.copyOf(all);
        this.legacySubjects = legacySubjects(all.get("legacy_subjects"));
        this.idToken = token.value();
    }

    /** {@code sub}: the citizen's identifier at this service (other services see another value). */
    public String subject() {
        return subject;
    }

    /** {@code vot}: how the citizen signed in, {@code Cl} or {@code Cl.Cm}. */
    public Optional<String> vectorOfTrust() {
        return Optional.ofNullable(vectorOfTrust);
    }

    /** {@code sid}: the citizen's Signet session, as named in back-channel logout tokens. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * Every claim of the ID token, and of the userinfo response fetched at sign-in when scopes beyond {@code openid}
     * were asked for ({@code email}, {@code phone_number}, ...), as JSON values (String, Long, Double, Boolean, List,
     * Map).
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /** One claim, e.g. {@code email}, when the ID token or userinfo has it. */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** The citizen's old departmental accounts; empty unless {@code legacy_subjects} is in the scopes. */
    public List<LegacySubject> legacySubjects() {
        return legacySubjects;
    }

    /** The ID token as received, sent back to Signet as {@code id_token_hint} at sign-out. */
    String idToken() {
        return idToken;
    }

    @Override
    public String getName() {
        return subject;
    }

    private static List<LegacySubject> legacySubjects(Object claim) {
        if (!(claim instanceof List<?> entries)) {
            return List.of();
        }
        List<LegacySubject> subjects = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> link && link.get("connector") instanceof String connector
                    && link.get("subject") instanceof String legacySubject) {
                subjects.add(new LegacySubject(connector, legacySubject));
            }
        }
        return List.copyOf(subjects);
    }

    /** Names no personal data and no token. */
    @Override
    public String toString() {
        return "SignetUser[vot=" + vectorOfTrust().orElse("-") + ", claims=" + claims.keySet()
                + "]";
    }
}
