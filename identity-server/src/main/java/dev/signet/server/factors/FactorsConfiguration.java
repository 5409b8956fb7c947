package dev.signet.server.factors;

import dev.signet.core.client.RelyingPartyRepository;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one removal rule for passkeys and second factors, over their stores and the services the citizen uses. */
@Configuration(proxyBeanMethods = false)
class FactorsConfiguration {

    @Bean
    StrongFactors strongFactors(SecondFactorRepository secondFactors, PasskeyRepository passkeys) {
        return accountId -> secondFactors.findByAccount(accountId).size() + passkeys.findByAccount(accountId).size();
    }

    @Bean
    FactorRemovalPolicy factorRemovalPolicy(StrongFactors strongFactors, AuthorizationStore authorizations,
            RelyingPartyRepository relyingParties, DataSource dataSource) {
        return new FactorRemovalPolicy(strongFactors,
                new AuthorizedServicesRequiringSecondFactor(authorizations, relyingParties),
                new PostgresAccountLock(dataSource));
    }
}
