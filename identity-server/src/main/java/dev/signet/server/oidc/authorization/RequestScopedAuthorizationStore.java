package dev.signet.server.oidc.authorization;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * An {@link AuthorizationStore} that reads each authorization at most once per HTTP request until the request
 * writes. A refresh grant looks its token up twice (rotation, then the authorization server's own provider) and each
 * lookup was a store round trip plus decoding the whole authorization. Any write through this store (save, remove,
 * revocation) forgets what the request has read, so a request always sees its own writes; another request or instance
 * sees nothing cached, since nothing outlives the request. A family revoked by another request between two reads is
 * still caught: the rotation's claim is atomic, and {@link #save} refuses a revoked family.
 */
public final class RequestScopedAuthorizationStore implements AuthorizationStore {

    private static final String ATTRIBUTE = RequestScopedAuthorizationStore.class.getName();

    private final AuthorizationStore delegate;

    public RequestScopedAuthorizationStore(AuthorizationStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store this one reads through. */
    public AuthorizationStore delegate() {
        return delegate;
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return remembered("id:" + id, () -> delegate.findById(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String type = tokenType == null ? "" : tokenType.getValue();
        return remembered("token:" + type + ":" + token, () -> delegate.findByToken(token, tokenType));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        forget();
        delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        forget();
        delegate.remove(authorization);
    }

    @Override
    public RefreshTokenClaim claimRefreshToken(String refreshTokenValue, String authorizationId, Instant expiresAt) {
        return delegate.claimRefreshToken(refreshTokenValue, authorizationId, expiresAt);
    }

    @Override
    public Optional<String> familyOfClaimedRefreshToken(String refreshTokenValue) {
        return delegate.familyOfClaimedRefreshToken(refreshTokenValue);
    }

    @Override
    public void revokeFamily(String authorizationId, Instant until) {
        forget();
        delegate.revokeFamily(authorizationId, until);
    }

    @Override
    public List<OAuth2Authorization> findByPrincipalName(String principalName) {
        return delegate.findByPrincipalName(principalName);
    }

    private interface Read {
        OAuth2Authorization get();
    }

    private static OAuth2Authorization remembered(String key, Read read) {
        Map<String, Optional<OAuth2Authorization>> seen = seenInThisRequest();
        if (seen == null) {
            return read.get();
        }
        Optional<OAuth2Authorization> found = seen.get(key);
        if (found == null) {
            found = Optional.ofNullable(read.get());
            seen.put(key, found);
        }
        return found.orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Optional<OAuth2Authorization>> seenInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object seen = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (seen == null) {
            seen = new HashMap<String, Optional<OAuth2Authorization>>(4);
            request.setAttribute(ATTRIBUTE, seen, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Optional<OAuth2Authorization>>) seen;
    }

    private static void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
