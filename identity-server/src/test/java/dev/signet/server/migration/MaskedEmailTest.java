package dev.signet.server.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedEmailTest {

    @Test
    void keepsTheFirstCharacterOfTheNameAndOfTheDomainAndTheDomainsLastLabel() {
        assertThat(MaskedEmail.of("jane.doe@example.co.uk")).isEqualTo("j•••@e•••.uk");
        assertThat(MaskedEmail.of("Bob@Smith-Family.com")).isEqualTo("B•••@s•••.com");
    }

    @Test
    void aDomainWithoutADotShowsNoEnding() {
        assertThat(MaskedEmail.of("root@localhost")).isEqualTo("r•••@l•••");
    }

    @Test
    void somethingThatIsNotAnAddressShowsNothingOfIt() {
        assertThat(MaskedEmail.of("no-at-sign")).isEqualTo("•••");
        assertThat(MaskedEmail.of("@example.com")).isEqualTo("•••");
        assertThat(MaskedEmail.of("name@")).isEqualTo("•••");
    }
}
