package dev.signet.server.passkeys;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.core.passkey.PasskeyUser;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * Spring Security's user-entity port on Signet's passkey storage. The "username" Spring looks users up by is the
 * name of the signed-in {@link dev.signet.server.signin.CitizenAuthentication}, the account id; the entity's
 * {@code name} and {@code displayName} are the account's email address, which authenticators show in their account
 * choosers, and its {@code id} is the random user handle.
 */
final class PasskeyUserEntities implements PublicKeyCredentialUserEntityRepository {

    private final PasskeyRepository passkeys;
    private final AccountRepository accounts;
    private final Clock clock;

    PasskeyUserEntities(PasskeyRepository passkeys, AccountRepository accounts, Clock clock) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The account's WebAuthn user, made now with a new random handle if it has none yet. */
    PasskeyUser userOf(UUID accountId) {
        return passkeys.findUserByAccount(accountId).orElseGet(() -> passkeys.saveUserIfAbsent(
                new PasskeyUser(accountId, Bytes.random().toBase64UrlString(), clock.instant())));
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return passkeys.findUserByHandle(id.toBase64UrlString()).flatMap(this::entity).orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return accountId(username).flatMap(passkeys::findUserByAccount).flatMap(this::entity).orElse(null);
    }

    /** Keeps the entity's handle for the account its name identifies (Spring names new entities by username). */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        UUID accountId = accountId(userEntity.getName()).orElseThrow(() -> new IllegalArgumentException(
                "A passkey user must be named by its account id"));
        passkeys.saveUserIfAbsent(new PasskeyUser(accountId, userEntity.getId().toBase64UrlString(), clock.instant()));
    }

    @Override
    public void delete(Bytes id) {
        passkeys.deleteUser(id.toBase64UrlString());
    }

    private Optional<PublicKeyCredentialUserEntity> entity(PasskeyUser user) {
        return accounts.findById(user.accountId()).map(Account::email).map(email -> ImmutablePublicKeyCredentialUserEntity
                .builder().id(Bytes.fromBase64(user.userHandle())).name(email).displayName(email).build());
    }

    private static Optional<UUID> accountId(String username) {
        try {
            return Optional.of(UUID.fromString(username));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
