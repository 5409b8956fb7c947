package dev.signet.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.passkeys.SoftwareAuthenticator.Cbor;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test authenticator's CBOR against examples of RFC 8949 Appendix A. */
class SoftwareAuthenticatorCborTest {

    private static String hex(Cbor cbor) {
        return HexFormat.of().formatHex(cbor.toByteArray());
    }

    @Test
    void integersTextBytesAndMapsEncodeAsTheRfcExamples() {
        assertThat(hex(new Cbor().integer(0))).isEqualTo("00");
        assertThat(hex(new Cbor().integer(23))).isEqualTo("17");
        assertThat(hex(new Cbor().integer(24))).isEqualTo("1818");
        assertThat(hex(new Cbor().integer(1000))).isEqualTo("1903e8");
        assertThat(hex(new Cbor().integer(1000000))).isEqualTo("1a000f4240");
        assertThat(hex(new Cbor().integer(-1))).isEqualTo("20");
        assertThat(hex(new Cbor().integer(-100))).isEqualTo("3863");
        assertThat(hex(new Cbor().text("IETF"))).isEqualTo("6449455446");
        assertThat(hex(new Cbor().bytes(new byte[] {1, 2, 3, 4}))).isEqualTo("4401020304");
        assertThat(hex(new Cbor().map(0))).isEqualTo("a0");
        assertThat(hex(new Cbor().map(2).integer(1).integer(2).integer(3).integer(4))).isEqualTo("a201020304");
    }
}
