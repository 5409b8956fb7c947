package dev.signet.connector.legacydb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Reads the {@code hash.pepper} setting in its configured encoding. */
final class Pepper {

    private Pepper() {
    }

    static Optional<byte[]> decode(String value, String encoding) {
        try {
            byte[] bytes = switch (encoding) {
                case "hex" -> HexFormat.of().parseHex(value);
                case "base64" -> Base64.getDecoder().decode(value);
                default -> value.getBytes(StandardCharsets.UTF_8);
            };
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
