package dev.signet.server.passkeys;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.PasskeyUser;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Signs a citizen in with a passkey. Spring Security's relying party checks the assertion (challenge, origin, rp id,
 * signature, user presence and user verification, which the request options require); this provider turns the
 * passkey's user into a {@link CitizenAuthentication} at {@code Cl.Cm}: a passkey with user verification is something
 * the citizen has, unlocked by something they know or are (NIST SP 800-63B multi-factor cryptographic authenticator).
 * The account's interventions apply as they do to a password sign-in. Counts {@code signet.passkey.signin{outcome}}.
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasskeyAuthenticationProvider.class);

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PasskeyRepository passkeys;
    private final AccountRepository accounts;
    private final Clock clock;
    private final MeterRegistry meters;

    PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, PasskeyRepository passkeys,
            AccountRepository accounts, Clock clock, MeterRegistry meters) {
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            // Unknown credential, wrong challenge or origin, bad signature, no user verification: one answer for all.
            log.debug("Passkey assertion refused: {}", e.getMessage());
            throw count(new BadCredentialsException("The passkey was not accepted", e), "invalid_credentials");
        }
        Optional<Account> account = passkeys.findUserByHandle(user.getId().toBase64UrlString())
                .map(PasskeyUser::accountId).flatMap(accounts::findById);
        if (account.isEmpty()) {
            throw count(new BadCredentialsException("The passkey's account no longer exists"), "invalid_credentials");
        }
        return switch (account.get().status()) {
            case ACTIVE -> {
                meters.counter("signet.passkey.signin", "outcome", "success").increment();
                yield new CitizenAuthentication(account.get().id(), clock.instant(), CredentialTrustLevel.MEDIUM);
            }
            case SUSPENDED -> throw count(new PasskeyAccountUnavailableException("suspended"), "suspended");
            case BLOCKED -> throw count(new PasskeyAccountUnavailableException("blocked"), "blocked");
            // The passkey stays with the merged account (for an undo); the person signs in to the other account.
            case MERGED -> throw count(new PasskeyAccountUnavailableException("merged"), "merged");
            // The intervention asks for a new password before any sign-in, as the password journey enforces.
            case PASSWORD_RESET_REQUIRED ->
                    throw count(new PasskeyAccountUnavailableException("reset_required"), "reset_required");
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    private <E extends AuthenticationException> E count(E exception, String outcome) {
        meters.counter("signet.passkey.signin", "outcome", outcome).increment();
        return exception;
    }

    /** A valid passkey of an account that an intervention keeps from signing in; {@code reason} goes to the page. */
    static final class PasskeyAccountUnavailableException extends AuthenticationException {

        private final String reason;

        PasskeyAccountUnavailableException(String reason) {
            super("The account cannot sign in: " + reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
