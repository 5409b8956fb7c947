package dev.signet.server.passkeys;

import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.PasskeyUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/** Spring Security's credential port on Signet's passkey storage: each credential record is a {@link Passkey}. */
final class PasskeyCredentials implements UserCredentialRepository {

    private final PasskeyRepository passkeys;

    PasskeyCredentials(PasskeyRepository passkeys) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
    }

    @Override
    public void delete(Bytes credentialId) {
        passkeys.delete(credentialId.toBase64UrlString());
    }

    /** A new credential (registration) or a used one (sign-in: counter, backup state and last use change). */
    @Override
    public void save(CredentialRecord record) {
        PasskeyUser user = passkeys.findUserByHandle(record.getUserEntityUserId().toBase64UrlString())
                .orElseThrow(() -> new IllegalStateException("The passkey's user no longer exists"));
        passkeys.save(new Passkey(
                record.getCredentialId().toBase64UrlString(),
                user.accountId(),
                record.getLabel(),
                record.getPublicKey().getBytes(),
                record.getSignatureCount(),
                record.isUvInitialized(),
                record.isBackupEligible(),
                record.isBackupState(),
                record.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.toSet()),
                bytes(record.getAttestationObject()),
                bytes(record.getAttestationClientDataJSON()),
                record.getCreated(),
                // Spring sets "last used" to the registration time on a new record: not a use.
                record.getLastUsed().isAfter(record.getCreated()) ? Optional.of(record.getLastUsed())
                        : Optional.empty()));
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return passkeys.findByCredentialId(credentialId.toBase64UrlString())
                .flatMap(passkey -> passkeys.findUserByAccount(passkey.accountId())
                        .map(user -> record(passkey, user)))
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return passkeys.findUserByHandle(userId.toBase64UrlString())
                .map(user -> passkeys.findByAccount(user.accountId()).stream()
                        .map(passkey -> record(passkey, user)).toList())
                .orElse(List.of());
    }

    private static CredentialRecord record(Passkey passkey, PasskeyUser user) {
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(Bytes.fromBase64(passkey.credentialId()))
                .userEntityUserId(Bytes.fromBase64(user.userHandle()))
                .publicKey(new ImmutablePublicKeyCose(passkey.publicKeyCose()))
                .signatureCount(passkey.signatureCount())
                .uvInitialized(passkey.uvInitialized())
                .transports(passkey.transports().stream().map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toSet()))
                .backupEligible(passkey.backupEligible())
                .backupState(passkey.backupState())
                .attestationObject(new Bytes(passkey.attestationObject()))
                .attestationClientDataJSON(new Bytes(passkey.attestationClientDataJson()))
                .created(passkey.createdAt())
                .lastUsed(passkey.lastUsedAt().orElse(passkey.createdAt()))
                .label(passkey.label())
                .build();
    }

    private static byte[] bytes(Bytes bytes) {
        return bytes == null ? new byte[0] : bytes.getBytes();
    }
}
