package dev.signet.server.oidc.authorization;

import dev.signet.server.oidc.authorization.jdbc.JdbcAuthorizationStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** PostgreSQL has no expiry: delete authorizations and rotation records whose tokens have all expired. */
@Component
class AuthorizationStoreCleanup {

    private final AuthorizationStore store;

    AuthorizationStoreCleanup(AuthorizationStore store) {
        this.store = store;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void deleteExpired() {
        AuthorizationStore stored = store instanceof RequestScopedAuthorizationStore scoped ? scoped.delegate() : store;
        if (stored instanceof JdbcAuthorizationStore jdbc) {
            jdbc.deleteExpired();
        }
    }
}
