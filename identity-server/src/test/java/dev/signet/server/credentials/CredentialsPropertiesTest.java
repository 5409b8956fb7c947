package dev.signet.server.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsPropertiesTest {

    private static final PasswordsProperties.Argon2 OWASP = new PasswordsProperties.Argon2(19456, 2, 1);

    @Test
    void passwordSettingsBelowNistNameTheSetting() {
        assertThatThrownBy(() -> new PasswordsProperties(7, 256, OWASP, null))
                .hasMessageContaining("signet.passwords.min-length");
        assertThatThrownBy(() -> new PasswordsProperties(8, 63, OWASP, null))
                .hasMessageContaining("signet.passwords.max-length");
        assertThatThrownBy(() -> new PasswordsProperties(8, 256, OWASP, 0))
                .hasMessageContaining("signet.passwords.max-concurrent-hashes");
        assertThatThrownBy(() -> new PasswordsProperties.Argon2(4, 2, 1))
                .hasMessageContaining("signet.passwords.argon2");
        assertThatThrownBy(() -> new PasswordsProperties.Argon2(19456, 0, 1))
                .hasMessageContaining("signet.passwords.argon2");
    }

    @Test
    void concurrentHashesDefaultToTwiceTheProcessors() {
        assertThat(new PasswordsProperties(8, 256, OWASP, null).concurrentHashes())
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(new PasswordsProperties(15, 64, OWASP, 3).concurrentHashes()).isEqualTo(3);
    }

    @Test
    void codeSettingsOutOfRangeNameTheSetting() {
        assertThatThrownBy(() -> new CodesProperties(0, Duration.ofMinutes(15), null))
                .hasMessageContaining("signet.codes.max-attempts");
        assertThatThrownBy(() -> new CodesProperties(5, Duration.ofHours(2), null))
                .hasMessageContaining("signet.codes.time-to-live");
        assertThatThrownBy(() -> new CodesProperties(5, Duration.ofMinutes(15), "not base64!"))
                .hasMessageContaining("signet.codes.hmac-key");
        assertThatThrownBy(() -> new CodesProperties(5, Duration.ofMinutes(15),
                Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("signet.codes.hmac-key");
    }

    @Test
    void theKeyIsNeverPrinted() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        CodesProperties properties = new CodesProperties(5, Duration.ofMinutes(15), key);

        assertThat(properties.key()).hasSize(32);
        assertThat(properties.toString()).doesNotContain(key).contains("hmacKey=set");
    }
}
