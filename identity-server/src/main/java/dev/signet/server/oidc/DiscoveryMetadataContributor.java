package dev.signet.server.oidc;

import java.util.Map;

/**
 * Adds members to the discovery documents ({@code /.well-known/openid-configuration} and
 * {@code /.well-known/oauth-authorization-server}). The authorization server has one metadata customizer per document
 * and a second setter would replace the first, so features contribute through beans of this type, which
 * {@link DiscoveryMetadataConfiguration} applies together.
 */
@FunctionalInterface
public interface DiscoveryMetadataContributor {

    void contribute(Map<String, Object> metadata);
}
