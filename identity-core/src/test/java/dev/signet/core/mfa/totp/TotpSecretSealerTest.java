package dev.signet.core.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TotpSecretSealerTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] kek = new byte[32];
    private final TotpSecretSealer sealer;

    TotpSecretSealerTest() {
        random.nextBytes(kek);
        sealer = new TotpSecretSealer(kek, random);
    }

    @Test
    void sealedSecretOpensForItsOwnFactorOnly() {
        UUID factor = UUID.randomUUID();
        byte[] secret = Totp.newSecret(random);

        byte[] sealed = sealer.seal(factor, secret);

        assertThat(sealer.open(factor, sealed)).isEqualTo(secret);
        assertThat(Arrays.equals(Arrays.copyOfRange(sealed, 13, 33), secret)).isFalse();
        assertThatThrownBy(() -> sealer.open(UUID.randomUUID(), sealed))
                .isInstanceOf(TotpSecretSealer.SecretUnreadableException.class)
                .hasMessageContaining("signet.keys.encryption-key");
    }

    @Test
    void anotherKeyOrAlteredBytesDoNotOpen() {
        UUID factor = UUID.randomUUID();
        byte[] sealed = sealer.seal(factor, Totp.newSecret(random));
        byte[] otherKek = kek.clone();
        otherKek[0] ^= 1;

        assertThatThrownBy(() -> new TotpSecretSealer(otherKek, random).open(factor, sealed))
                .isInstanceOf(TotpSecretSealer.SecretUnreadableException.class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(factor, altered))
                .isInstanceOf(TotpSecretSealer.SecretUnreadableException.class);
    }

    @Test
    void eachSealUsesAFreshNonce() {
        UUID factor = UUID.randomUUID();
        byte[] secret = Totp.newSecret(random);
        assertThat(sealer.seal(factor, secret)).isNotEqualTo(sealer.seal(factor, secret));
    }
}
