package dev.signet.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AccountRepository} adapter must have. Subclasses supply the adapter. */
public abstract class AccountRepositoryContract {

    protected abstract AccountRepository repository();

    protected static Account newAccount(String email) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Account(UUID.randomUUID(), email, false, Optional.empty(), AccountStatus.ACTIVE, now, now);
    }

    @Test
    void createdAccountIsFoundByIdAndByEmailIgnoringCase() {
        Account account = repository().create(newAccount("Ada.Lovelace@Example.gov.uk"));

        assertThat(repository().findById(account.id())).contains(account);
        assertThat(repository().findByEmail("ada.lovelace@example.GOV.uk")).contains(account);
    }

    @Test
    void unknownAccountIsAbsent() {
        assertThat(repository().findById(UUID.randomUUID())).isEmpty();
        assertThat(repository().findByEmail("nobody@example.gov.uk")).isEmpty();
    }

    @Test
    void secondAccountWithSameEmailInAnyCaseIsRefused() {
        repository().create(newAccount("grace@example.gov.uk"));

        assertThatThrownBy(() -> repository().create(newAccount("GRACE@example.gov.uk")))
                .isInstanceOf(AccountRepository.DuplicateEmailException.class);
    }

    @Test
    void passwordHashEmailVerificationAndStatusAreUpdated() {
        Account account = repository().create(newAccount("alan@example.gov.uk"));

        assertThat(repository().updatePasswordHash(account.id(), "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA")).isTrue();
        assertThat(repository().markEmailVerified(account.id())).isTrue();
        assertThat(repository().updateStatus(account.id(), AccountStatus.SUSPENDED)).isTrue();

        Account updated = repository().findById(account.id()).orElseThrow();
        assertThat(updated.passwordHash()).contains("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA");
        assertThat(updated.emailVerified()).isTrue();
        assertThat(updated.status()).isEqualTo(AccountStatus.SUSPENDED);
    }

    @Test
    void updatingAMissingAccountReportsFalse() {
        assertThat(repository().updatePasswordHash(UUID.randomUUID(), "x")).isFalse();
        assertThat(repository().markEmailVerified(UUID.randomUUID())).isFalse();
        assertThat(repository().updateStatus(UUID.randomUUID(), AccountStatus.BLOCKED)).isFalse();
        assertThat(repository().changeEmail(UUID.randomUUID(), "new@example.gov.uk")).isFalse();
        assertThat(repository().delete(UUID.randomUUID())).isFalse();
    }

    @Test
    void aChangedEmailIsVerifiedAndFoundWhileTheOldOneIsFree() {
        Account account = repository().create(newAccount("katherine@example.gov.uk"));

        assertThat(repository().changeEmail(account.id(), "K.Johnson@example.gov.uk")).isTrue();

        Account changed = repository().findByEmail("k.johnson@example.gov.uk").orElseThrow();
        assertThat(changed.id()).isEqualTo(account.id());
        assertThat(changed.email()).isEqualTo("K.Johnson@example.gov.uk");
        assertThat(changed.emailVerified()).isTrue();
        assertThat(repository().findByEmail("katherine@example.gov.uk")).isEmpty();
        repository().create(newAccount("katherine@example.gov.uk"));
    }

    @Test
    void anEmailAnotherAccountUsesCannotBeTaken() {
        Account first = repository().create(newAccount("dorothy@example.gov.uk"));
        Account second = repository().create(newAccount("mary@example.gov.uk"));

        assertThatThrownBy(() -> repository().changeEmail(second.id(), "DOROTHY@example.gov.uk"))
                .isInstanceOf(AccountRepository.DuplicateEmailException.class);
        assertThat(repository().findById(first.id()).orElseThrow().email()).isEqualTo("dorothy@example.gov.uk");
        assertThat(repository().findById(second.id()).orElseThrow().email()).isEqualTo("mary@example.gov.uk");
    }

    @Test
    void aDeletedAccountIsGone() {
        Account account = repository().create(newAccount("hedy@example.gov.uk"));

        assertThat(repository().delete(account.id())).isTrue();

        assertThat(repository().findById(account.id())).isEmpty();
        assertThat(repository().findByEmail("hedy@example.gov.uk")).isEmpty();
    }

    @Test
    void conditionalChangesApplyOnlyToTheVersionRead() {
        Account account = repository().create(newAccount("conditional@example.gov.uk"));
        Instant read = repository().findById(account.id()).orElseThrow().updatedAt();

        assertThat(repository().updateStatusIfUnchanged(account.id(), read, AccountStatus.BLOCKED)).isTrue();
        Account blocked = repository().findById(account.id()).orElseThrow();
        assertThat(blocked.status()).isEqualTo(AccountStatus.BLOCKED);

        // The version read before the change is stale now: nothing is overwritten, nothing deleted.
        assertThat(repository().updateStatusIfUnchanged(account.id(), read, AccountStatus.ACTIVE)).isFalse();
        assertThat(repository().markChangedIfUnchanged(account.id(), read)).isFalse();
        assertThat(repository().deleteIfUnchanged(account.id(), read)).isFalse();
        assertThat(repository().findById(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.BLOCKED);

        assertThat(repository().markChangedIfUnchanged(account.id(), blocked.updatedAt())).isTrue();
        Instant current = repository().findById(account.id()).orElseThrow().updatedAt();
        assertThat(repository().deleteIfUnchanged(account.id(), current)).isTrue();
        assertThat(repository().findById(account.id())).isEmpty();
        assertThat(repository().updateStatusIfUnchanged(account.id(), current, AccountStatus.ACTIVE)).isFalse();
    }
}
