package dev.signet.connector.legacydb.hash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The vectors in {@code hash-vectors/vectors.tsv}, made by independent tools (see generate.sh beside it). */
public final class HashVectors {

    /** One line: the format Signet should report, the settings it needs, the password, the hash, the salt column. */
    public record Vector(String format, Map<String, String> settings, String password, String hash,
            Optional<String> salt, String command) {

        @Override
        public String toString() {
            return format + " by `" + (command.length() > 70 ? command.substring(0, 70) + "...`" : command + "`");
        }

        public HashOptions options() {
            HashOptions.Unprefixed unprefixed = HashOptions.Unprefixed.valueOf(
                    settings.getOrDefault("hash.unprefixed", "digest").toUpperCase());
            byte[] pepper = settings.getOrDefault("hash.pepper", "").getBytes(StandardCharsets.UTF_8);
            HashOptions.SaltPosition position = HashOptions.SaltPosition.valueOf(
                    settings.getOrDefault("hash.salt-position", "after").toUpperCase());
            return new HashOptions(unprefixed, pepper, position);
        }
    }

    private HashVectors() {
    }

    public static List<Vector> all() {
        try (InputStream in = HashVectors.class.getResourceAsStream("/hash-vectors/vectors.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(HashVectors::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Vector parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 6) {
            throw new IllegalStateException("A vector line has 6 tab-separated fields: " + line);
        }
        Map<String, String> settings = new HashMap<>();
        if (!fields[1].equals("-")) {
            for (String setting : fields[1].split(";")) {
                String[] pair = setting.split("=", 2);
                settings.put(pair[0], pair[1]);
            }
        }
        return new Vector(fields[0], Map.copyOf(settings), fields[2], fields[3],
                fields[4].equals("-") ? Optional.empty() : Optional.of(fields[4]), fields[5]);
    }
}
