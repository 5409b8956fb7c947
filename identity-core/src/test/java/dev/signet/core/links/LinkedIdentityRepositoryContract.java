package dev.signet.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link LinkedIdentityRepository} adapter must do. */
public abstract class LinkedIdentityRepositoryContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract LinkedIdentityRepository repository();

    /** A new account for links to refer to. */
    protected abstract UUID newAccount();

    /** Deletes the account as the account repository does. */
    protected abstract void deleteAccount(UUID accountId);

    @Test
    void aLinkIsFoundByItsLegacyIdentityAndByItsAccount() {
        UUID account = newAccount();
        LinkedIdentity link = LinkedIdentity.of(account, "vehicle-tax", "cust-1", NOW, LinkMethod.NEW_ACCOUNT,
                Optional.of("abc"));
        repository().link(link);

        assertThat(repository().find("vehicle-tax", "cust-1")).contains(link);
        assertThat(repository().findByAccount(account)).containsExactly(link);
        assertThat(repository().find("vehicle-tax", "cust-2")).isEmpty();
        assertThat(repository().find("other", "cust-1")).isEmpty();
    }

    @Test
    void anAccountHoldsSeveralIdentitiesAlsoFromOneConnector() {
        UUID account = newAccount();
        repository().link(LinkedIdentity.of(account, "vehicle-tax", "a", NOW, LinkMethod.NEW_ACCOUNT,
                Optional.empty()));
        repository().link(LinkedIdentity.of(account, "vehicle-tax", "b", NOW.plusSeconds(1),
                LinkMethod.SIGNET_PASSWORD, Optional.empty()));
        repository().link(LinkedIdentity.of(account, "council-tax", "a", NOW.plusSeconds(2), LinkMethod.EMAIL_CODE,
                Optional.empty()));

        assertThat(repository().findByAccount(account)).extracting(LinkedIdentity::connectorId,
                LinkedIdentity::legacySubject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("vehicle-tax", "a"),
                org.assertj.core.groups.Tuple.tuple("vehicle-tax", "b"),
                org.assertj.core.groups.Tuple.tuple("council-tax", "a"));
    }

    @Test
    void aLegacyIdentityIsLinkedToOneAccountOnly() {
        UUID first = newAccount();
        UUID second = newAccount();
        repository().link(LinkedIdentity.of(first, "vehicle-tax", "same", NOW, LinkMethod.NEW_ACCOUNT,
                Optional.empty()));

        assertThatThrownBy(() -> repository().link(LinkedIdentity.of(second, "vehicle-tax", "same", NOW,
                LinkMethod.EMAIL_CODE, Optional.empty())))
                .isInstanceOf(LinkedIdentityRepository.AlreadyLinkedException.class);
        assertThat(repository().find("vehicle-tax", "same").map(LinkedIdentity::accountId)).contains(first);
    }

    @Test
    void thePasswordFingerprintIsReplacedAndCleared() {
        UUID account = newAccount();
        repository().link(LinkedIdentity.of(account, "vehicle-tax", "fp", NOW, LinkMethod.NEW_ACCOUNT,
                Optional.of("old")));

        assertThat(repository().updatePasswordFingerprint("vehicle-tax", "fp", Optional.of("new"))).isTrue();
        assertThat(repository().find("vehicle-tax", "fp").flatMap(LinkedIdentity::passwordFingerprint))
                .contains("new");
        assertThat(repository().updatePasswordFingerprint("vehicle-tax", "fp", Optional.empty())).isTrue();
        assertThat(repository().find("vehicle-tax", "fp").flatMap(LinkedIdentity::passwordFingerprint)).isEmpty();
        assertThat(repository().updatePasswordFingerprint("vehicle-tax", "nobody", Optional.empty())).isFalse();
    }

    @Test
    void linksGoWithTheirAccount() {
        UUID account = newAccount();
        repository().link(LinkedIdentity.of(account, "vehicle-tax", "gone", NOW, LinkMethod.NEW_ACCOUNT,
                Optional.empty()));

        deleteAccount(account);

        assertThat(repository().find("vehicle-tax", "gone")).isEmpty();
        assertThat(repository().findByAccount(account)).isEmpty();
    }

    @Test
    void aLinkPrintsWithoutItsLegacySubject() {
        LinkedIdentity link = LinkedIdentity.of(UUID.randomUUID(), "vehicle-tax", "secret-subject-42", NOW,
                LinkMethod.NEW_ACCOUNT, Optional.empty());
        assertThat(link.toString()).doesNotContain("secret-subject-42").contains("vehicle-tax");
    }
}
