package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysPropertiesTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static KeysProperties properties(String key, Duration period, Duration overlap, Duration refresh,
            Duration maxAge) {
        return new KeysProperties(key, period, overlap, refresh, maxAge);
    }

    private static KeysProperties defaults(String key) {
        return properties(key, Duration.ofDays(30), Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(defaults(KEY).encryptionKeyBytes()).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(32));
        assertThat(defaults(null).encryptionKeyBytes()).isEmpty();
        assertThat(defaults(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void anOverlapShorterThanTwiceTheLongestTokenLifetimeIsRefused() {
        assertThatThrownBy(() -> properties(KEY, Duration.ofDays(30), Duration.ofMinutes(59), Duration.ofMinutes(1),
                Duration.ofMinutes(5))).hasMessageContaining("signet.keys.overlap");
    }

    @Test
    void aRotationPeriodShorterThanTwiceTheOverlapIsRefused() {
        assertThatThrownBy(() -> properties(KEY, Duration.ofDays(1), Duration.ofDays(1), Duration.ofMinutes(1),
                Duration.ofMinutes(5))).hasMessageContaining("signet.keys.rotation-period");
    }

    @Test
    void aJwksMaxAgeThatCouldHideANewKeyIsRefused() {
        assertThatThrownBy(() -> properties(KEY, Duration.ofDays(30), Duration.ofDays(1), Duration.ofMinutes(1),
                Duration.ofDays(1))).hasMessageContaining("signet.keys.jwks-max-age");
    }

    @Test
    void aBadEncryptionKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> defaults("not base64!")).hasMessageContaining("signet.keys.encryption-key")
                .hasMessageNotContaining("not base64!");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> defaults(short16)).hasMessageContaining("signet.keys.encryption-key")
                .hasMessageContaining("32 bytes").hasMessageNotContaining(short16);
    }

    @Test
    void anExternalDatabaseWithoutAnEncryptionKeyStopsStartUp(@TempDir Path data) {
        assertThatThrownBy(() -> KeyEncryptionKeys.resolve(defaults(null), false, data, new SecureRandom()))
                .hasMessageContaining("signet.keys.encryption-key");
        assertThat(data.resolve(KeyEncryptionKeys.FILE_NAME)).doesNotExist();
    }

    @Test
    void theEmbeddedDefaultGeneratesAnOwnerOnlyKeyOnceAndReusesIt(@TempDir Path data) throws Exception {
        byte[] first = KeyEncryptionKeys.resolve(defaults(null), true, data, new SecureRandom());
        byte[] again = KeyEncryptionKeys.resolve(defaults(null), true, data, new SecureRandom());

        Path file = data.resolve(KeyEncryptionKeys.FILE_NAME);
        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsOverTheDataDirectory(@TempDir Path data) {
        assertThat(KeyEncryptionKeys.resolve(defaults(KEY), true, data, new SecureRandom())).isEqualTo(new byte[32]);
        assertThat(data.resolve(KeyEncryptionKeys.FILE_NAME)).doesNotExist();
    }
}
