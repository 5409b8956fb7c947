package dev.signet.server.oidc.claims;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.oidc.AuthorizationServerCustomizer;
import dev.signet.server.oidc.TokenClaimsContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Subject identifiers (pairwise or public) in every token and response, and the userinfo claims. */
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
    AuthorizationServerCustomizer userInfoCustomizer(SubjectIdentifiers subjects, AccountRepository accounts,
            RegisteredClientRepository registeredClients, RelyingPartyRepository relyingParties) {
        UserInfoClaims mapper = new UserInfoClaims(subjects, accounts, registeredClients, relyingParties);
        return server -> server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(mapper)));
    }
}
