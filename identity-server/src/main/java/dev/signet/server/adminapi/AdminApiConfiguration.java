package dev.signet.server.adminapi;

import dev.signet.server.oidc.TokenClaimsContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the identity server does for the admin API: it issues the operators' access tokens. */
@Configuration(proxyBeanMethods = false)
public class AdminApiConfiguration {

    @Bean
    TokenClaimsContributor adminApiAudience(AdminApiProperties properties) {
        return new AdminApiAudienceContributor(properties.audience());
    }
}
