package dev.signet.server.oidc;

import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;

/**
 * A feature's contribution to the authorization server's configuration. Each feature registers one as a bean and
 * touches only its own part of the configurer (e.g. client authentication, the logout endpoint); setters that replace
 * rather than add (such as {@code authenticationProviders(..)} of one endpoint) belong to exactly one feature.
 */
@FunctionalInterface
public interface AuthorizationServerCustomizer {

    void customize(OAuth2AuthorizationServerConfigurer authorizationServer);
}
