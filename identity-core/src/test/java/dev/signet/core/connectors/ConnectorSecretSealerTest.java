package dev.signet.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorSecretSealerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final ConnectorSecretSealer sealer = new ConnectorSecretSealer(KEY, new SecureRandom());

    @Test
    void sealedSecretsOpenForTheSameConnectorOnly() {
        SealedSecrets sealed = sealer.seal("vehicle-tax", Map.of("password", "s3cret-db-password"));

        assertThat(sealed.names()).containsExactly("password");
        assertThat(new String(sealed.sealed().orElseThrow(), StandardCharsets.ISO_8859_1))
                .doesNotContain("s3cret-db-password");
        assertThat(sealer.open("vehicle-tax", sealed)).containsExactly(Map.entry("password", "s3cret-db-password"));
        assertThatThrownBy(() -> sealer.open("pensions", sealed))
                .isInstanceOf(ConnectorSecretSealer.SecretsUnreadableException.class)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void secretsSealedUnderAnotherKeyDoNotOpen() {
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        SealedSecrets sealed = new ConnectorSecretSealer(other, new SecureRandom())
                .seal("vehicle-tax", Map.of("password", "x"));

        assertThatThrownBy(() -> sealer.open("vehicle-tax", sealed))
                .isInstanceOf(ConnectorSecretSealer.SecretsUnreadableException.class);
    }

    @Test
    void noSecretsSealToNothing() {
        assertThat(sealer.seal("vehicle-tax", Map.of())).isEqualTo(SealedSecrets.NONE);
        assertThat(sealer.open("vehicle-tax", SealedSecrets.NONE)).isEmpty();
    }
}
