package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256ClientSecretEncoderTest {

    private final Sha256ClientSecretEncoder encoder = new Sha256ClientSecretEncoder();

    @Test
    void hashIsTheHexSha256ThatSha256sumPrints() {
        // printf %s 'test-secret-value' | sha256sum
        assertThat(encoder.encode("test-secret-value"))
                .isEqualTo("afbb9b6c7c26d7b5ce487d7eed36223352f315eadc14e39bdd30fe08fb7c8555");
    }

    @Test
    void rightSecretMatchesInEitherHexCase() {
        assertThat(encoder.matches("test-secret-value",
                "afbb9b6c7c26d7b5ce487d7eed36223352f315eadc14e39bdd30fe08fb7c8555")).isTrue();
        assertThat(encoder.matches("test-secret-value",
                "AFBB9B6C7C26D7B5CE487D7EED36223352F315EADC14E39BDD30FE08FB7C8555")).isTrue();
    }

    @Test
    void wrongSecretOrMalformedHashDoesNotMatch() {
        String hash = "afbb9b6c7c26d7b5ce487d7eed36223352f315eadc14e39bdd30fe08fb7c8555";
        assertThat(encoder.matches("test-secret-valuf", hash)).isFalse();
        assertThat(encoder.matches("", hash)).isFalse();
        assertThat(encoder.matches("test-secret-value", "not-hex")).isFalse();
        assertThat(encoder.matches("test-secret-value", null)).isFalse();
        assertThat(encoder.matches(null, hash)).isFalse();
    }

    @Test
    void duringAnOverlapEitherTheNewOrTheOldSecretMatchesAndNothingElse() {
        String stored = Sha256ClientSecretEncoder.either(encoder.encode("new-secret"), encoder.encode("old-secret"));

        assertThat(encoder.matches("new-secret", stored)).isTrue();
        assertThat(encoder.matches("old-secret", stored)).isTrue();
        assertThat(encoder.matches("other-secret", stored)).isFalse();
    }
}
