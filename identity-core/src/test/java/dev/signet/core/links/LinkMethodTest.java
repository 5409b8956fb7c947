package dev.signet.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkMethodTest {

    @Test
    void everyMethodReadsBackFromItsStoredValue() {
        for (LinkMethod method : LinkMethod.values()) {
            assertThat(LinkMethod.fromValue(method.value())).contains(method);
        }
        assertThat(LinkMethod.SIGNET_PASSWORD.value()).isEqualTo("signet_password");
        assertThat(LinkMethod.fromValue("operator_merge")).isEmpty();
    }

    @Test
    void aFingerprintIsTheSha256OfTheHashString() {
        assertThat(PasswordFingerprint.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
