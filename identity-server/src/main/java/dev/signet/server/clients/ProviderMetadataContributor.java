package dev.signet.server.clients;

import java.util.Map;

/**
 * Extension point for the discovery documents ({@code /.well-known/openid-configuration} and
 * {@code /.well-known/oauth-authorization-server}). Their customizer is a single replaceable setting, owned by the
 * relying-party feature; other features register one of these beans to add or change their own entries, e.g.
 * {@code subject_types_supported} or {@code vtr_values_supported}. Called in {@code @Order} after Signet's own entries.
 */
@FunctionalInterface
public interface ProviderMetadataContributor {

    void contribute(Map<String, Object> metadata);
}
