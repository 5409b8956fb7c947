package dev.signet.core.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Base32Test {

    @Test
    void rfc4648TestVectorsWithoutPadding() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] vector : vectors) {
            assertThat(Base32.encode(vector[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(vector[1]);
            assertThat(new String(Base32.decode(vector[1]), StandardCharsets.US_ASCII)).isEqualTo(vector[0]);
        }
    }

    @Test
    void decodingIgnoresCaseSpacesHyphensAndPadding() {
        assertThat(new String(Base32.decode("mzxw 6ytb-oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSecretsRoundTrip() {
        byte[] secret = Totp.newSecret(new SecureRandom());
        String encoded = Base32.encode(secret);
        assertThat(encoded).hasSize(32);
        assertThat(Base32.decode(Base32.grouped(encoded))).isEqualTo(secret);
        assertThat(Base32.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
    }
}
