package dev.signet.connector.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ObjectGuidTest {

    // Expected text forms computed independently with Python: str(uuid.UUID(bytes_le=bytes.fromhex(...))).
    @Test
    void bytesAreWrittenTheWindowsWayWithTheFirstThreeGroupsLittleEndian() {
        assertThat(ObjectGuid.toText(HexFormat.of().parseHex("00112233445566778899aabbccddeeff")))
                .hasValue("33221100-5544-7766-8899-aabbccddeeff");
        assertThat(ObjectGuid.toText(HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90")))
                .hasValue("d4c3b2a1-f6e5-1807-293a-4b5c6d7e8f90");
    }

    @Test
    void textGoesBackToTheSameBytesInEitherCase() {
        byte[] bytes = HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        assertThat(ObjectGuid.fromText("d4c3b2a1-f6e5-1807-293a-4b5c6d7e8f90")).hasValueSatisfying(
                parsed -> assertThat(parsed).isEqualTo(bytes));
        assertThat(ObjectGuid.fromText("D4C3B2A1-F6E5-1807-293A-4B5C6D7E8F90")).hasValueSatisfying(
                parsed -> assertThat(parsed).isEqualTo(bytes));
    }

    @Test
    void anythingElseIsNotAGuid() {
        assertThat(ObjectGuid.toText(new byte[15])).isEmpty();
        assertThat(ObjectGuid.toText(null)).isEmpty();
        assertThat(ObjectGuid.fromText("d4c3b2a1f6e51807293a4b5c6d7e8f90")).isEmpty();
        assertThat(ObjectGuid.fromText("*")).isEmpty();
        assertThat(ObjectGuid.fromText("d4c3b2a1-f6e5-1807-293a-4b5c6d7e8f9g")).isEmpty();
    }
}
