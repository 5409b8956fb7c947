package dev.signet.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelyingPartyTest {

    @Test
    void aServiceRequiresASecondFactorOnlyWhenItsRequiredVectorHasCm() {
        assertThat(withRequired(Optional.of("Cl.Cm")).requiresSecondFactor()).isTrue();
        assertThat(withRequired(Optional.of("Cl")).requiresSecondFactor()).isFalse();
        assertThat(withRequired(Optional.empty()).requiresSecondFactor()).isFalse();
    }

    @Test
    void theShortConstructorDeclaresNoRequiredVector() {
        RelyingParty rp = new RelyingParty("c", "C", List.of(), List.of(), Optional.empty(),
                TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(), Optional.empty(), "s",
                SubjectType.PAIRWISE, Set.of(), Set.of(), Set.of(), List.of("Cl.Cm"), IdTokenSigningAlgorithm.ES256,
                false, RelyingParty.Source.FILE);
        assertThat(rp.requiredVtr()).isEmpty();
    }

    private static RelyingParty withRequired(Optional<String> required) {
        return new RelyingParty("c", "C", List.of(), List.of(), Optional.empty(), TokenEndpointAuthMethod.NONE,
                Optional.empty(), Optional.empty(), Optional.empty(), "s", SubjectType.PAIRWISE, Set.of(), Set.of(),
                Set.of(), List.of("Cl.Cm", "Cl"), required, IdTokenSigningAlgorithm.ES256, false,
                RelyingParty.Source.FILE, Optional.empty(), Optional.empty());
    }
}
