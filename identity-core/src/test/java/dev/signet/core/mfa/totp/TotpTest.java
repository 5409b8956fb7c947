package dev.signet.core.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    // RFC 6238 Appendix B: the seeds are the ASCII digits "1234567890" repeated to the hash's output length.
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
        "59,          0000000000000001, SHA1,   94287082",
        "59,          0000000000000001, SHA256, 46119246",
        "59,          0000000000000001, SHA512, 90693936",
        "1111111109,  00000000023523EC, SHA1,   07081804",
        "1111111109,  00000000023523EC, SHA256, 68084774",
        "1111111109,  00000000023523EC, SHA512, 25091201",
        "1111111111,  00000000023523ED, SHA1,   14050471",
        "1111111111,  00000000023523ED, SHA256, 67062674",
        "1111111111,  00000000023523ED, SHA512, 99943326",
        "1234567890,  000000000273EF07, SHA1,   89005924",
        "1234567890,  000000000273EF07, SHA256, 91819424",
        "1234567890,  000000000273EF07, SHA512, 93441116",
        "2000000000,  0000000003F940AA, SHA1,   69279037",
        "2000000000,  0000000003F940AA, SHA256, 90698825",
        "2000000000,  0000000003F940AA, SHA512, 38618901",
        "20000000000, 0000000027BC86AA, SHA1,   65353130",
        "20000000000, 0000000027BC86AA, SHA256, 77737706",
        "20000000000, 0000000027BC86AA, SHA512, 47863826"
    })
    void rfc6238AppendixBVectors(long unixTime, String stepHex, String mode, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(step).isEqualTo(Long.parseUnsignedLong(stepHex, 16));
        byte[] seed = switch (mode) {
            case "SHA1" -> SHA1_SEED;
            case "SHA256" -> SHA256_SEED;
            default -> SHA512_SEED;
        };
        assertThat(Totp.code(seed, step, 8, "Hmac" + mode)).isEqualTo(expected);
    }

    @Test
    void sixDigitSha1CodesAreTheLastSixDigitsOfTheRfcValues() {
        // Apps show 6 digits: the same truncated value modulo 10^6.
        assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void verifyAcceptsTheCurrentStepAndOneEitherSideOnly() {
        Instant now = Instant.ofEpochSecond(1_234_567_890L);
        long step = Totp.step(now);

        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step), now)).hasValue(step);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now)).isEmpty();
    }

    @Test
    void verifyRefusesAnythingButSixDigits() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.verify(SHA1_SEED, "94287082", now)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, "28708", now)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, "28708x", now)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, null, now)).isEmpty();
        assertThat(Totp.verify(SHA1_SEED, "287082", now)).isPresent();
    }
}
