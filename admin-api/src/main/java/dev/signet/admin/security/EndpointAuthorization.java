package dev.signet.admin.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's access rules: which scope each of its endpoints needs. Every feature registers one bean for its own
 * paths; whatever no rule names is refused. Keep rules next to the controllers they protect.
 */
@FunctionalInterface
public interface EndpointAuthorization {

    void authorize(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);

    /** The authority Spring Security grants for an OAuth 2.0 scope. */
    static String scope(String scope) {
        return "SCOPE_" + scope;
    }
}
