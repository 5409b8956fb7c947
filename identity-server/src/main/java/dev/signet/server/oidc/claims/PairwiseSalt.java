package dev.signet.server.oidc.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the pairwise salt comes from. A configured {@code signet.subjects.pairwise-salt} always wins. The embedded
 * default generates 32 random bytes once and keeps them in {@code <data-directory>/pairwise-salt} (readable by the
 * owner only) so that every {@code sub} survives restarts. With an external database and no salt the server stops:
 * the salt is a secret that must live apart from the account ids it protects, and losing it changes every
 * {@code sub}, so an operator has to set (and back up) it deliberately.
 */
final class PairwiseSalt {

    static final String SETTING = "signet.subjects.pairwise-salt";
    static final String FILE_NAME = "pairwise-salt";

    private PairwiseSalt() {
    }

    static byte[] resolve(SubjectsProperties properties, boolean embeddedDatabase, Path dataDirectory) {
        if (properties.pairwiseSalt().isPresent()) {
            return properties.pairwiseSalt().get().getBytes(StandardCharsets.UTF_8);
        }
        if (!embeddedDatabase) {
            throw new PairwiseSaltException(SETTING + " must be set when an external database is used "
                    + "(spring.datasource.url): it keys every pairwise sub, so generate one once "
                    + "(`openssl rand -base64 32`), keep it secret and back it up");
        }
        return fromDataDirectory(dataDirectory.resolve(FILE_NAME));
    }

    private static byte[] fromDataDirectory(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (text.length() < SubjectsProperties.MINIMUM_SALT_LENGTH) {
                throw new PairwiseSaltException("The pairwise salt file " + file.toAbsolutePath() + " is damaged (" + SETTING
                        + " is not set, so Signet keeps its salt there); restore it from a backup");
            }
            return text.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pairwise salt file " + file.toAbsolutePath(), e);
        }
    }

    /** Writes a new salt to a private temporary file and moves it in place, so no half-written salt is ever read. */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path temporary = ownerOnlyTemporaryFile(file);
        try {
            Files.writeString(temporary, salt + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: use theirs.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
        temporary.toFile().setReadable(false, false);
        temporary.toFile().setReadable(true, true);
        return temporary;
    }
}
