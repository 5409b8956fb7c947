package dev.signet.server.oidc.trust;

import dev.signet.server.clients.AuthorizationRequestValidator;
import dev.signet.server.clients.ProviderMetadataContributor;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.oidc.TokenClaimsContributor;
import dev.signet.server.signin.CitizenSignIn;
import dev.signet.server.signin.CredentialTrustLevel;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Vectors of trust (RFC 8485) as GOV.UK One Login uses them, sign-in freshness ({@code prompt}, {@code max_age}) and
 * {@code ui_locales}: the rules that decide whether, and in which language, the citizen is asked to sign in.
 */
@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

    /** A password and a second factor (dev.signet.server.mfa): {@code Cl.Cm}. */
    @Bean
    @ConditionalOnMissingBean
    AvailableTrust availableTrust() {
        return new AvailableTrust(CredentialTrustLevel.MEDIUM);
    }

    /** After the relying-party rules (which check vtr's syntax and the client's allowed vectors). */
    @Bean
    @Order(100)
    AuthorizationRequestValidator vectorOfTrustValidator(AvailableTrust available) {
        return new VectorOfTrustValidator(available.strongest());
    }

    /** After the vector of trust: an unmeetable vtr gets unmet_authentication_requirements even with prompt=none. */
    @Bean
    @Order(200)
    AuthorizationRequestValidator freshnessValidator(Clock clock) {
        return new FreshnessValidator(clock);
    }

    @Bean
    TokenClaimsContributor trustClaimsContributor(SignetProperties signet) {
        return new TrustClaimsContributor(signet.issuer() + TrustmarkController.PATH);
    }

    @Bean
    ProviderMetadataContributor trustMetadataContributor(SignetProperties signet) {
        return metadata -> {
            if (metadata.containsKey("subject_types_supported")) { // the OpenID Connect document only
                // Every vector a relying party may ask for, strongest first (as GOV.UK One Login lists them).
                metadata.put("vtr_values_supported", Arrays.stream(CredentialTrustLevel.values())
                        .sorted(Comparator.reverseOrder()).map(CredentialTrustLevel::vectorValue).toList());
                metadata.put("trustmarks", signet.issuer() + TrustmarkController.PATH);
            }
        };
    }

    /**
     * Spring Security applies every {@code Customizer<HttpSecurity>} bean to each filter chain; both filters act only
     * on an authorization request that the framework has validated, which only the authorization server's chain sees.
     * They sit just before the access decision, so a cleared sign-in is sent to the sign-in page by the framework.
     */
    @Bean
    Customizer<HttpSecurity> authorizationRequestFilters(LocaleResolver localeResolver, Clock clock) {
        return http -> http
                .addFilterBefore(new UiLocalesFilter(localeResolver), AuthorizationFilter.class)
                .addFilterBefore(new ReauthenticationFilter(clock, CitizenSignIn.SECOND_FACTOR_PAGE),
                        AuthorizationFilter.class);
    }
}
