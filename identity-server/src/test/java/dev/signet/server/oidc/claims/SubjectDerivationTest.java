package dev.signet.server.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubjectDerivationTest {

    private static final byte[] SALT = "unit-test-salt-0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
    private final SubjectDerivation derivation = new SubjectDerivation(SALT);
    private final UUID account = UUID.fromString("6f1c2a52-7e1b-4f4e-9a51-0b9f3d2c8e11");

    @Test
    void theSameAccountHasOneSubInASectorAndAnotherInEveryOtherSector() {
        assertThat(derivation.pairwise("tax.example", account)).isEqualTo(derivation.pairwise("tax.example", account));
        assertThat(derivation.pairwise("tax.example", account)).isNotEqualTo(derivation.pairwise("dvla.example", account));
    }

    @Test
    void differentAccountsHaveDifferentSubsInOneSector() {
        assertThat(derivation.pairwise("tax.example", account))
                .isNotEqualTo(derivation.pairwise("tax.example", UUID.randomUUID()));
    }

    @Test
    void subIsHmacSha256OfTheSectorAndAccountAsBase64UrlAndNeverTheAccountId() {
        String sub = derivation.pairwise("tax.example", account);

        assertThat(sub).matches("[A-Za-z0-9_-]{43}").doesNotContain(account.toString());
        assertThat(derivation.publicSubject(account)).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(account.toString());
    }

    @Test
    void thePublicSubjectIsStableAndNoSectorCanProduceIt() {
        assertThat(derivation.publicSubject(account)).isEqualTo(derivation.publicSubject(account))
                .isNotEqualTo(derivation.pairwise("public", account))
                .isNotEqualTo(derivation.pairwise("", account));
    }

    @Test
    void anotherSaltGivesOtherSubs() {
        SubjectDerivation other = new SubjectDerivation("another-salt-0123456789abcdefghijkl".getBytes(StandardCharsets.UTF_8));

        assertThat(other.pairwise("tax.example", account)).isNotEqualTo(derivation.pairwise("tax.example", account));
        assertThat(other.publicSubject(account)).isNotEqualTo(derivation.publicSubject(account));
    }

    @Test
    void aShortSaltIsRefused() {
        assertThatThrownBy(() -> new SubjectDerivation("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
