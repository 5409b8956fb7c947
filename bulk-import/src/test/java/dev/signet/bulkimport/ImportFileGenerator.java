package dev.signet.bulkimport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes an import file of {@code count} generated users, streamed (the file never exists in memory): every tenth
 * row is broken (a missing email), the others rotate through a bcrypt hash, a salted SHA-256 in
 * {@code custom_password_hash}, a Django PBKDF2 string and no password. Emails are {@code user-<n>@<domain>}.
 *
 * <p>For the 100,000-row measurement in docs/bulk-import.md:
 * {@code java -cp <test classpath> dev.signet.bulkimport.ImportFileGenerator users.json 100000 load.test}
 */
public final class ImportFileGenerator {

    public static final String BCRYPT = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    public static final String DJANGO = "pbkdf2_sha256$600000$c2FsdHNhbHQ$u0pFDAe5ZgZnOyEKlrkXcbxeUqbdtQ3Gq0sOAEYXcYc=";

    private ImportFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            write(out, Integer.parseInt(args[1]), args.length > 2 ? args[2] : "load.test");
        }
    }

    /** Writes the file; {@code domain} keeps one test's users apart from another's in a shared database. */
    public static void write(OutputStream out, int count, String domain) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write("[\n");
        for (int n = 1; n <= count; n++) {
            writer.write(n == 1 ? "" : ",\n");
            writer.write(user(n, domain));
        }
        writer.write("\n]\n");
        writer.flush();
    }

    static String user(int n, String domain) {
        if (n % 10 == 0) {
            return "{\"user_id\": \"gen|" + n + "\", \"given_name\": \"No email\"}";
        }
        String common = "\"email\": \"user-" + n + "@" + domain + "\", \"email_verified\": " + (n % 3 == 0)
                + ", \"user_id\": \"gen|" + n + "\", \"given_name\": \"Given" + n + "\", \"family_name\": \"Family"
                + n + "\", \"app_metadata\": {\"department\": \"dvla\", \"number\": " + n + "}";
        return switch (n % 4) {
            case 0 -> "{" + common + ", \"password_hash\": \"" + BCRYPT + "\"}";
            case 1 -> "{" + common + ", \"custom_password_hash\": {\"algorithm\": \"sha256\", \"hash\": {\"value\": \""
                    + sha256Hex("salt" + n + "password" + n) + "\", \"encoding\": \"hex\", \"salt\": {\"value\": \"salt"
                    + n + "\", \"encoding\": \"utf8\", \"position\": \"prefix\"}}}}";
            case 2 -> "{" + common + ", \"password_hash\": \"" + DJANGO + "\"}";
            default -> "{" + common + "}";
        };
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
