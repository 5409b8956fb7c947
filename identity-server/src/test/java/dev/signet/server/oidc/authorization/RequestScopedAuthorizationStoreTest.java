package dev.signet.server.oidc.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.testing.RedisTopology;
import dev.signet.server.oidc.authorization.redis.RedisAuthorizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The store's whole contract still holds with reads remembered for the request (every contract test runs inside one
 * request, so its writes and reads follow each other as in a grant), and a request reads an authorization once.
 */
class RequestScopedAuthorizationStoreTest extends AuthorizationStoreContract {

    private final CountingStore redis = new CountingStore(
            new RedisAuthorizationStore(RedisTopology.SINGLE_SERVER.commands(), Clock.systemUTC()));
    private final RequestScopedAuthorizationStore store = new RequestScopedAuthorizationStore(redis);

    @Override
    protected AuthorizationStore store() {
        return store;
    }

    @BeforeEach
    void bindRequest() {
        newRequest();
    }

    @AfterEach
    void unbindRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRequestReadsAnAuthorizationOnceUntilItWrites() {
        OAuth2Authorization saved = granted(citizen(), "sid-once");
        store.save(saved);
        String refresh = saved.getRefreshToken().getToken().getTokenValue();
        redis.reads.set(0);

        OAuth2Authorization first = store.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN);
        OAuth2Authorization second = store.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN);
        assertThat(second).isSameAs(first);
        assertThat(redis.reads).hasValue(1);

        OAuth2Authorization next = rotated(first);
        store.save(next);
        assertThat(store.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(store.findById(saved.getId()).getRefreshToken().getToken().getTokenValue())
                .isEqualTo(next.getRefreshToken().getToken().getTokenValue());
        assertThat(redis.reads).hasValue(3);
    }

    @Test
    void anotherRequestReadsTheStoreAgain() {
        OAuth2Authorization saved = granted(citizen(), "sid-again");
        store.save(saved);
        assertThat(store.findById(saved.getId())).isNotNull();

        redis.delegate.revokeFamily(saved.getId(), Instant.now().plusSeconds(60)); // by another instance
        assertThat(store.findById(saved.getId())).as("remembered within the request").isNotNull();
        newRequest();
        assertThat(store.findById(saved.getId())).isNull();
    }

    @Test
    void outsideARequestEveryReadGoesToTheStore() {
        OAuth2Authorization saved = granted(citizen(), "sid-outside");
        store.save(saved);
        RequestContextHolder.resetRequestAttributes();
        redis.reads.set(0);

        store.findById(saved.getId());
        store.findById(saved.getId());
        assertThat(redis.reads).hasValue(2);
    }

    private static void newRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    /** The real store, counting the reads that reach it. */
    private static final class CountingStore implements AuthorizationStore {

        final AuthorizationStore delegate;
        final AtomicInteger reads = new AtomicInteger();

        CountingStore(AuthorizationStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(OAuth2Authorization authorization) {
            delegate.save(authorization);
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
            delegate.remove(authorization);
        }

        @Override
        public OAuth2Authorization findById(String id) {
            reads.incrementAndGet();
            return delegate.findById(id);
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            reads.incrementAndGet();
            return delegate.findByToken(token, tokenType);
        }

        @Override
        public RefreshTokenClaim claimRefreshToken(String refreshTokenValue, String authorizationId,
                Instant expiresAt) {
            return delegate.claimRefreshToken(refreshTokenValue, authorizationId, expiresAt);
        }

        @Override
        public Optional<String> familyOfClaimedRefreshToken(String refreshTokenValue) {
            return delegate.familyOfClaimedRefreshToken(refreshTokenValue);
        }

        @Override
        public void revokeFamily(String authorizationId, Instant until) {
            delegate.revokeFamily(authorizationId, until);
        }

        @Override
        public List<OAuth2Authorization> findByPrincipalName(String principalName) {
            return delegate.findByPrincipalName(principalName);
        }
    }
}
