package dev.signet.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.connectors.ConnectorSecretSealer;
import dev.signet.core.connectors.SealedSecrets;
import dev.signet.core.mfa.totp.TotpSecretSealer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes each sealer stores, so values already in deployments' databases keep opening. The expected values
 * were computed outside Java (Python's cryptography AESGCM and hmac) from the documented format:
 * {@code 01 || nonce || AES-256-GCM(key, nonce, plaintext, aad = prefix + id)}, with key = the key-encryption key for
 * signing keys and HMAC-SHA-256(kek, label) for the others.
 */
class StoredSealingFormatTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEK = new byte[32];

    static {
        for (int i = 0; i < KEK.length; i++) {
            KEK[i] = (byte) i;
        }
    }

    /** Every nonce is twelve 0x07 bytes, so the output is fixed. */
    private static final SecureRandom FIXED_NONCES = new SecureRandom() {
        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 7);
        }
    };

    @Test
    void signingKeysAreSealedUnderTheKeyEncryptionKeyItself() {
        byte[] expected = HEX.parseHex("010707070707070707070707077f18cf2a0e7bb2cbb18dec227bf5ae47d25a9f7b4b843c");
        KeyEncryption encryption = new KeyEncryption(KEK, FIXED_NONCES);

        assertThat(encryption.seal("k1", bytes("private"))).isEqualTo(expected);
        assertThat(encryption.open("k1", expected)).isEqualTo(bytes("private"));
    }

    @Test
    void authenticatorAppSecretsAreSealedUnderTheirOwnDerivedKey() {
        byte[] expected = HEX.parseHex("01070707070707070707070707b59c44f0e2088adbe32fe6d21e6257d9e5b35feb99d222781ecdea"
                + "4ac4999dcefc8e7bf7");
        UUID factor = UUID.fromString("00000000-0000-0000-0000-000000000001");
        TotpSecretSealer sealer = new TotpSecretSealer(KEK, FIXED_NONCES);

        assertThat(sealer.seal(factor, bytes("0123456789abcdefghij"))).isEqualTo(expected);
        assertThat(sealer.open(factor, expected)).isEqualTo(bytes("0123456789abcdefghij"));
    }

    @Test
    void connectorSecretsAreSealedUnderTheirOwnDerivedKey() {
        byte[] expected = HEX.parseHex("0107070707070707070707070715f8738dfc6c1207e469dafeb991cc589bc5287cc7b3d8566ed31b"
                + "8227aad48bf075b3b66000ee012858");
        ConnectorSecretSealer sealer = new ConnectorSecretSealer(KEK, FIXED_NONCES);

        assertThat(sealer.seal("ldap-main", Map.of("bind-password", "s3cret")).sealed().orElseThrow())
                .isEqualTo(expected);
        assertThat(sealer.open("ldap-main", new SealedSecrets(Set.of("bind-password"), Optional.of(expected))))
                .isEqualTo(Map.of("bind-password", "s3cret"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
