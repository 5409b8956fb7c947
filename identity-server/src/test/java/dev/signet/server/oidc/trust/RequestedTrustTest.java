package dev.signet.server.oidc.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.signin.CredentialTrustLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestedTrustTest {

    @Test
    void withoutVtrTheRequestNeedsClCm() {
        assertThat(RequestedTrust.required(Map.of())).contains(CredentialTrustLevel.MEDIUM);
    }

    @Test
    void theWeakestAcceptableVectorIsWhatMustBeMet() {
        assertThat(RequestedTrust.required(Map.of("vtr", "[\"Cl.Cm\"]"))).contains(CredentialTrustLevel.MEDIUM);
        assertThat(RequestedTrust.required(Map.of("vtr", "[\"Cl\"]"))).contains(CredentialTrustLevel.LOW);
        assertThat(RequestedTrust.required(Map.of("vtr", "[\"Cl.Cm\",\"Cl\"]"))).contains(CredentialTrustLevel.LOW);
        // A request object carries vtr as a JSON array rather than a string.
        assertThat(RequestedTrust.required(Map.of("vtr", List.of("Cl")))).contains(CredentialTrustLevel.LOW);
    }

    @Test
    void vectorsSignetDoesNotKnowCannotBeMet() {
        assertThat(RequestedTrust.required(Map.of("vtr", "[\"P2.Cl.Cm\"]"))).isEmpty();
        assertThat(RequestedTrust.required(Map.of("vtr", "not json"))).isEmpty();
    }

    @Test
    void withPasswordSignInOnlyOnlyClCanBeAsserted() {
        assertThat(new AvailableTrust(CredentialTrustLevel.LOW).assertableVectors()).containsExactly("Cl");
        assertThat(new AvailableTrust(CredentialTrustLevel.MEDIUM).assertableVectors()).containsExactly("Cl", "Cl.Cm");
    }
}
