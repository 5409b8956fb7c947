package dev.signet.server.oidc;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that sets the discovery documents' metadata customizers: it applies every contributor bean. */
@Configuration(proxyBeanMethods = false)
public class DiscoveryMetadataConfiguration {

    @Bean
    AuthorizationServerCustomizer discoveryMetadata(List<DiscoveryMetadataContributor> contributors) {
        return server -> {
            server.oidc(oidc -> oidc.providerConfigurationEndpoint(endpoint -> endpoint.providerConfigurationCustomizer(
                    metadata -> metadata.claims(claims -> contributors.forEach(c -> c.contribute(claims))))));
            server.authorizationServerMetadataEndpoint(endpoint -> endpoint.authorizationServerMetadataCustomizer(
                    metadata -> metadata.claims(claims -> contributors.forEach(c -> c.contribute(claims)))));
        };
    }
}
