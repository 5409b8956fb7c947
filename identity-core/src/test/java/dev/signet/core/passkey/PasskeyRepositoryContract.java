package dev.signet.core.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PasskeyRepository} adapter must have. Subclasses supply the adapter and make accounts
 * (passkeys hang off real accounts).
 */
public abstract class PasskeyRepositoryContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract PasskeyRepository repository();

    /** Creates an account the adapter's storage knows, and returns its id. */
    protected abstract UUID newAccount();

    protected static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private PasskeyUser userOf(UUID accountId) {
        return repository().saveUserIfAbsent(new PasskeyUser(accountId, randomId(), now()));
    }

    private static Passkey passkey(UUID accountId, String label) {
        return new Passkey(randomId(), accountId, label, new byte[] {1, 2, 3}, 0, true, true, false,
                Set.of("internal", "hybrid"), new byte[] {4, 5}, "{\"type\":\"webauthn.create\"}".getBytes(), now(),
                Optional.empty());
    }

    @Test
    void aUserIsFoundByAccountAndByHandle() {
        UUID account = newAccount();
        PasskeyUser user = userOf(account);

        assertThat(repository().findUserByAccount(account)).contains(user);
        assertThat(repository().findUserByHandle(user.userHandle())).contains(user);
        assertThat(repository().findUserByHandle(randomId())).isEmpty();
        assertThat(repository().findUserByHandle("not base64url!")).isEmpty();
    }

    @Test
    void aSecondUserForTheSameAccountKeepsTheFirstHandle() {
        UUID account = newAccount();
        PasskeyUser first = userOf(account);

        PasskeyUser second = repository().saveUserIfAbsent(new PasskeyUser(account, randomId(), now()));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void savedPasskeysAreListedOldestFirstAndFoundById() {
        UUID account = newAccount();
        userOf(account);
        Passkey phone = passkey(account, "Phone");
        Passkey laptop = new Passkey(randomId(), account, "Laptop", new byte[] {9}, 7, false, false, false, Set.of(),
                new byte[] {8}, new byte[] {7}, phone.createdAt().plusSeconds(5), Optional.empty());

        repository().save(laptop);
        repository().save(phone);

        assertThat(repository().findByAccount(account)).extracting(Passkey::label).containsExactly("Phone", "Laptop");
        Passkey found = repository().findByCredentialId(laptop.credentialId()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(laptop);
        assertThat(repository().findByCredentialId(phone.credentialId()).orElseThrow().transports())
                .containsExactlyInAnyOrder("internal", "hybrid");
        assertThat(repository().findByAccount(newAccount())).isEmpty();
    }

    @Test
    void savingAKnownPasskeyRecordsItsUseButKeepsItsKeyAndName() {
        UUID account = newAccount();
        userOf(account);
        Passkey passkey = passkey(account, "Phone");
        repository().save(passkey);
        Instant used = passkey.createdAt().plusSeconds(60);

        repository().save(new Passkey(passkey.credentialId(), account, "Ignored", new byte[] {42}, 12, true, true,
                true, Set.of(), new byte[] {4, 5}, new byte[] {1}, passkey.createdAt(), Optional.of(used)));

        Passkey found = repository().findByCredentialId(passkey.credentialId()).orElseThrow();
        assertThat(found.signatureCount()).isEqualTo(12);
        assertThat(found.backupState()).isTrue();
        assertThat(found.lastUsedAt()).contains(used);
        assertThat(found.label()).isEqualTo("Phone");
        assertThat(found.publicKeyCose()).containsExactly(1, 2, 3);
    }

    @Test
    void aCredentialIdRegisteredToOneAccountCannotMoveToAnother() {
        UUID owner = newAccount();
        UUID other = newAccount();
        userOf(owner);
        userOf(other);
        Passkey passkey = passkey(owner, "Phone");
        repository().save(passkey);

        assertThatThrownBy(() -> repository().save(new Passkey(passkey.credentialId(), other, "Mine", new byte[] {1},
                0, true, true, false, Set.of(), new byte[] {1}, new byte[] {1}, now(), Optional.empty())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repository().findByCredentialId(passkey.credentialId()).orElseThrow().accountId()).isEqualTo(owner);
    }

    @Test
    void onlyTheOwnerRenamesOrRemovesAPasskey() {
        UUID owner = newAccount();
        UUID stranger = newAccount();
        userOf(owner);
        Passkey passkey = passkey(owner, "Phone");
        repository().save(passkey);

        assertThat(repository().rename(stranger, passkey.credentialId(), "Stolen")).isFalse();
        assertThat(repository().delete(stranger, passkey.credentialId())).isFalse();
        assertThat(repository().rename(owner, passkey.credentialId(), "Work phone")).isTrue();
        assertThat(repository().findByCredentialId(passkey.credentialId()).orElseThrow().label())
                .isEqualTo("Work phone");

        assertThat(repository().delete(owner, passkey.credentialId())).isTrue();
        assertThat(repository().findByCredentialId(passkey.credentialId())).isEmpty();
        assertThat(repository().delete(owner, passkey.credentialId())).isFalse();
    }

    @Test
    void aNameMustBeShortAndNotBlank() {
        UUID owner = newAccount();
        userOf(owner);
        Passkey passkey = passkey(owner, "Phone");
        repository().save(passkey);

        assertThatThrownBy(() -> repository().rename(owner, passkey.credentialId(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository().rename(owner, passkey.credentialId(), "x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingByCredentialIdOrUserRemovesPasskeys() {
        UUID account = newAccount();
        PasskeyUser user = userOf(account);
        Passkey first = passkey(account, "One");
        Passkey second = passkey(account, "Two");
        repository().save(first);
        repository().save(second);

        assertThat(repository().delete(first.credentialId())).isTrue();
        assertThat(repository().findByAccount(account)).extracting(Passkey::credentialId)
                .containsExactly(second.credentialId());

        assertThat(repository().deleteUser(user.userHandle())).isTrue();
        assertThat(repository().findUserByAccount(account)).isEmpty();
        assertThat(repository().findByAccount(account)).isEmpty();
        assertThat(repository().deleteUser(user.userHandle())).isFalse();
    }
}
