package dev.signet.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private static final byte[] PRIVATE_JWK = "{\"kty\":\"EC\",\"d\":\"secret\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] kek(int fill) {
        byte[] kek = new byte[32];
        java.util.Arrays.fill(kek, (byte) fill);
        return kek;
    }

    private final KeyEncryption encryption = new KeyEncryption(kek(7), new SecureRandom());

    @Test
    void sealedKeyOpensWithTheSameKekAndKid() {
        byte[] sealed = encryption.seal("kid-1", PRIVATE_JWK);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(encryption.open("kid-1", sealed)).isEqualTo(PRIVATE_JWK);
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(encryption.seal("kid-1", PRIVATE_JWK)).isNotEqualTo(encryption.seal("kid-1", PRIVATE_JWK));
    }

    @Test
    void tamperedCiphertextFailsToOpen() {
        byte[] sealed = encryption.seal("kid-1", PRIVATE_JWK);
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> encryption.open("kid-1", sealed))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class);
    }

    @Test
    void ciphertextMovedToAnotherKidFailsToOpen() {
        byte[] sealed = encryption.seal("kid-1", PRIVATE_JWK);

        assertThatThrownBy(() -> encryption.open("kid-2", sealed))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class);
    }

    @Test
    void wrongKekFailsWithAMessageNamingTheSettingAndKid() {
        byte[] sealed = encryption.seal("kid-1", PRIVATE_JWK);

        assertThatThrownBy(() -> new KeyEncryption(kek(8), new SecureRandom()).open("kid-1", sealed))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class)
                .hasMessageContaining("signet.keys.encryption-key")
                .hasMessageContaining("kid-1");
    }

    @Test
    void truncatedOrUnknownVersionFailsToOpen() {
        byte[] sealed = encryption.seal("kid-1", PRIVATE_JWK);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;

        assertThatThrownBy(() -> encryption.open("kid-1", new byte[5]))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class);
        assertThatThrownBy(() -> encryption.open("kid-1", otherVersion))
                .isInstanceOf(KeyEncryption.KeyDecryptionException.class);
    }

    @Test
    void aKekThatIsNot32BytesIsRefused() {
        assertThatThrownBy(() -> new KeyEncryption(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
