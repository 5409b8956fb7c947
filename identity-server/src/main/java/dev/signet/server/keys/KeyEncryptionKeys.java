package dev.signet.server.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key-encryption key comes from: {@code signet.keys.encryption-key} when set; otherwise, for the embedded
 * default only, a key generated once into the data directory (readable by its owner only). With an external database
 * and no key, start-up stops: a generated key on one machine would leave every other instance unable to sign.
 */
public final class KeyEncryptionKeys {

    static final String FILE_NAME = "signing-key-encryption.key";

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyEncryptionKeys() {
    }

    public static byte[] resolve(KeysProperties properties, boolean embeddedDatabase, Path dataDirectory,
            SecureRandom random) {
        return properties.encryptionKeyBytes().orElseGet(() -> {
            if (!embeddedDatabase) {
                throw new SigningKeysFailureAnalyzer.MissingEncryptionKeyException("signet.keys.encryption-key must be set when an external database "
                        + "(spring.datasource.url) is used: generate one with 'openssl rand -base64 32', keep it in "
                        + "your secret store, and give every instance the same value");
            }
            return fromDataDirectory(dataDirectory.resolve(FILE_NAME).toAbsolutePath(), random);
        });
    }

    static byte[] fromDataDirectory(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new IllegalStateException("The key-encryption key in " + file + " must decode to 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key " + file, e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        random.nextBytes(key);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; use theirs
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        log.warn("Generated a key-encryption key for the signing keys in {} (owner-only permissions). It protects the "
                + "private signing keys in the embedded database: keep it with the data directory. In production set "
                + "signet.keys.encryption-key instead.", file);
    }
}
