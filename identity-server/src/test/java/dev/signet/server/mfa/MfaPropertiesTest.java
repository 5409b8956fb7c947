package dev.signet.server.mfa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.core.mfa.SecondFactorMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class MfaPropertiesTest {

    private static final List<SecondFactorMethod> ALL = List.of(SecondFactorMethod.values());

    @Test
    void wrongSettingsAreNamedInTheMessage() {
        assertThatThrownBy(() -> new MfaProperties(List.of(), "Signet", 10, 5))
                .hasMessageContaining("signet.mfa.methods");
        assertThatThrownBy(() -> new MfaProperties(List.of(SecondFactorMethod.EMAIL, SecondFactorMethod.EMAIL),
                "Signet", 10, 5)).hasMessageContaining("signet.mfa.methods");
        assertThatThrownBy(() -> new MfaProperties(ALL, "Sign:et", 10, 5))
                .hasMessageContaining("signet.mfa.authenticator-app-issuer");
        assertThatThrownBy(() -> new MfaProperties(ALL, "Signet", 4, 5))
                .hasMessageContaining("signet.mfa.recovery-codes");
        assertThatThrownBy(() -> new MfaProperties(ALL, "Signet", 10, 0))
                .hasMessageContaining("signet.mfa.max-wrong-codes");
    }
}
