package dev.signet.server.oidc.claims;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.clients.ProviderMetadataContributor;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.federation.ConnectorRegistry;
import dev.signet.server.oidc.AuthorizationServerCustomizer;
import dev.signet.server.oidc.TokenClaimsContributor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Subject identifiers (pairwise or public) in every token and response, the userinfo claims, and the legacy subjects
 * a department's relying party may receive.
 */
@Configuration(proxyBeanMethods = false)
class ClaimsConfiguration {

    @Bean
    SubjectIdentifiers subjectIdentifiers(SubjectsProperties properties, SignetProperties signet,
            Environment environment, RelyingPartyRepository relyingParties) {
        // Same test as the embedded database's own configuration: no spring.datasource.url.
        String url = environment.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank();
        byte[] salt = PairwiseSalt.resolve(properties, embedded, signet.dataDirectory());
        return new SubjectIdentifiers(new SubjectDerivation(salt), relyingParties);
    }

    @Bean
    TokenClaimsContributor subjectClaimsContributor(SubjectIdentifiers subjects) {
        return new SubjectClaimsContributor(subjects);
    }

    @Bean
    TokenClaimsContributor accessTokenHashContributor() {
        return new AccessTokenHashContributor();
    }

    @Bean
    LegacySubjects legacySubjects(LinkedIdentityRepository links, ConnectorRegistry connectors) {
        return new LegacySubjects(links, connectors);
    }

    @Bean
    TokenClaimsContributor legacySubjectsContributor(LegacySubjects legacySubjects,
            RelyingPartyRepository relyingParties) {
        return new LegacySubjectsContributor(legacySubjects, relyingParties);
    }

    @Bean
    ProviderMetadataContributor legacySubjectsMetadata() {
        return metadata -> {
            if (metadata.containsKey("subject_types_supported")) { // the OpenID Connect document only
                metadata.put("scopes_supported", withLegacySubjects(metadata.get("scopes_supported")));
                metadata.put("claims_supported", withLegacySubjects(metadata.get("claims_supported")));
            }
        };
    }

    private static List<Object> withLegacySubjects(Object listed) {
        List<Object> values = new ArrayList<>(listed instanceof Collection<?> existing ? existing : List.of());
        if (!values.contains(LegacySubjects.CLAIM)) {
            values.add(LegacySubjects.CLAIM);
        }
        return values;
    }

    @Bean
    AuthorizationServerCustomizer userInfoCustomizer(SubjectIdentifiers subjects, AccountRepository accounts,
            RegisteredClientRepository registeredClients, RelyingPartyRepository relyingParties,
            LegacySubjects legacySubjects) {
        UserInfoClaims mapper = new UserInfoClaims(subjects, accounts, registeredClients, relyingParties,
                legacySubjects);
        return server -> server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(mapper)));
    }
}
