package dev.signet.server.passkeys;

import dev.signet.server.signin.CitizenAuthentication;
import java.util.Objects;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Spring Security's WebAuthn relying party, with registration reserved to signed-in citizens. Before the first
 * registration options of an account it makes the account's WebAuthn user (random handle, email as its name), so
 * the options name the citizen by email and not by the account id Spring would otherwise use.
 */
final class AccountPasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

    private final WebAuthnRelyingPartyOperations delegate;
    private final PasskeyUserEntities users;

    AccountPasskeyRelyingParty(WebAuthnRelyingPartyOperations delegate, PasskeyUserEntities users) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        if (!(request.getAuthentication() instanceof CitizenAuthentication citizen)) {
            throw new IllegalArgumentException("Only a signed-in citizen registers passkeys");
        }
        users.userOf(citizen.accountId());
        return delegate.createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return delegate.registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return delegate.createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return delegate.authenticate(request);
    }
}
