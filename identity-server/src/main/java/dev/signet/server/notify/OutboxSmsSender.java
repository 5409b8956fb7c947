package dev.signet.server.notify;

import dev.signet.core.notify.SmsSender;
import dev.signet.core.notify.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default for text messages: each one becomes a plain-text file {@code <UTC time>-sms-<number>-<random>.txt}
 * in the outbox folder (next to the email), with a {@code To:} and a {@code Date:} line, a blank line and the text,
 * so a person trying Signet locally can read their codes. Files appear whole: each is written aside, then moved in.
 */
public final class OutboxSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSmsSender.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OutboxSmsSender(Path directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the outbox folder " + this.directory
                    + " (signet.sms.outbox-directory)", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The start of the file names of texts to a number, for finding them. */
    public static String fileMarker(String phoneNumber) {
        return "-sms-" + phoneNumber.replaceAll("[^0-9]", "") + "-";
    }

    @Override
    public void send(TextMessage message) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String name = STAMP.format(clock.instant()) + fileMarker(message.to()) + HexFormat.of().formatHex(suffix)
                + ".txt";
        Path target = directory.resolve(name);
        Path partial = directory.resolve("." + name + ".part");
        String content = "To: " + message.to() + "\nDate: " + clock.instant() + "\n\n" + message.body() + "\n";
        try {
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a text message to the outbox " + directory, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
        // Never the text: it holds a one-time code.
        log.info("Text message written to the outbox: {}", target);
    }
}
