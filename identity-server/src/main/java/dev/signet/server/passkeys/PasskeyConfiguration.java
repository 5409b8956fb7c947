package dev.signet.server.passkeys;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.jdbc.JdbcPasskeyRepository;
import dev.signet.server.config.SignetProperties;
import dev.signet.server.signin.CitizenSignIn;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsFilter;

/**
 * Passkeys with Spring Security's WebAuthn support, assembled from its parts rather than {@code http.webAuthn()}
 * (which signs users in through a {@code UserDetailsService}): its options endpoints and authentication filter, with
 * Signet's own provider that signs the citizen in at {@code Cl.Cm}, and its ports on Signet's PostgreSQL storage.
 * <ul>
 * <li>{@code POST /webauthn/register/options}: creation options for the signed-in citizen (400 when not signed in)</li>
 * <li>{@code POST /account/passkeys}: registers the new passkey ({@link PasskeyRegistrationController})</li>
 * <li>{@code POST /webauthn/authenticate/options}: request options (no allow list: passkeys are discoverable)</li>
 * <li>{@code POST /login/webauthn}: signs in with the assertion ({@link PasskeySignInResponses})</li>
 * </ul>
 * Both ceremonies require user verification, which is what makes a passkey sign-in two factors.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PasskeySettings passkeySettings(PasskeysProperties properties, SignetProperties signet) {
        return PasskeySettings.resolve(properties, signet.issuer());
    }

    @Bean
    PasskeyRepository passkeyRepository(DataSource dataSource) {
        return new JdbcPasskeyRepository(dataSource);
    }

    @Bean
    PasskeyUserEntities passkeyUserEntities(PasskeyRepository passkeys, AccountRepository accounts, Clock clock) {
        return new PasskeyUserEntities(passkeys, accounts, clock);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PasskeySettings settings, PasskeyUserEntities users,
            PasskeyRepository passkeys) {
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(users,
                new PasskeyCredentials(passkeys),
                PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(settings.rpName()).build(),
                settings.allowedOrigins());
        relyingParty.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        relyingParty.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return new AccountPasskeyRelyingParty(relyingParty, users);
    }

    /**
     * Spring Security applies every {@code Customizer<HttpSecurity>} bean to each filter chain; these filters answer
     * only their own paths, which only the citizen pages' chain sees. CSRF protection applies to all of them (the
     * script sends the token in a header).
     */
    @Bean
    Customizer<HttpSecurity> passkeyFilters(WebAuthnRelyingPartyOperations relyingParty, PasskeyRepository passkeys,
            AccountRepository accounts, CitizenSignIn citizenSignIn, Clock clock, MeterRegistry meters) {
        return http -> {
            WebAuthnAuthenticationFilter signIn = new WebAuthnAuthenticationFilter();
            signIn.setAuthenticationManager(new ProviderManager(
                    new PasskeyAuthenticationProvider(relyingParty, passkeys, accounts, clock, meters)));
            // A new session id on sign-in, as CitizenSignIn does for a password.
            signIn.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
            signIn.setAuthenticationSuccessHandler(PasskeySignInResponses.success(citizenSignIn));
            signIn.setAuthenticationFailureHandler(PasskeySignInResponses.failure());
            http.addFilterBefore(signIn, BasicAuthenticationFilter.class)
                    .addFilterBefore(new PublicKeyCredentialCreationOptionsFilter(relyingParty),
                            AuthorizationFilter.class)
                    .addFilterBefore(new PublicKeyCredentialRequestOptionsFilter(relyingParty),
                            AuthorizationFilter.class);
        };
    }
}
