package dev.signet.connector.ldap;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Active Directory's {@code objectGUID}: 16 bytes, written as text the way Windows writes a GUID
 * ({@code 33221100-5544-7766-8899-aabbccddeeff} for bytes {@code 00 11 22 ... ff}). Windows stores the first three
 * groups little-endian, so the text is not the bytes in order; this is the form AD tools (PowerShell's
 * {@code Get-ADUser}, {@code ldp.exe}) show, and what operators will compare against.
 */
final class ObjectGuid {

    private static final Pattern TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final HexFormat HEX = HexFormat.of();

    /** The order in which the 16 bytes appear in the text. */
    private static final int[] TEXT_ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

    private ObjectGuid() {
    }

    /** The text form of {@code bytes}; empty unless exactly 16 bytes. */
    static Optional<String> toText(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                text.append('-');
            }
            text.append(HEX.toHexDigits(bytes[TEXT_ORDER[i]]));
        }
        return Optional.of(text.toString());
    }

    /** The 16 bytes a text form stands for; empty when {@code text} is not a GUID. */
    static Optional<byte[]> fromText(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        byte[] inTextOrder = HEX.parseHex(text.replace("-", ""));
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[TEXT_ORDER[i]] = inTextOrder[i];
        }
        return Optional.of(bytes);
    }
}
