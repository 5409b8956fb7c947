package dev.signet.server.testing;

import dev.signet.core.notify.SmsSender;
import dev.signet.server.notify.OutboxSmsSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The text messages the running server sent to one phone number, read back from its real outbox folder. */
public final class Texts {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Path outbox;

    /** {@code sender} is the server's SmsSender bean: the outbox, as the embedded default configures it. */
    public Texts(SmsSender sender) {
        if (!(sender instanceof OutboxSmsSender outboxSender)) {
            throw new IllegalStateException("Tests read text messages from the outbox (signet.sms.transport=outbox)");
        }
        this.outbox = outboxSender.directory();
    }

    /** The texts to a number so far, oldest first; the server sends them before answering the request. */
    public List<String> to(String phoneNumber) {
        String marker = OutboxSmsSender.fileMarker(phoneNumber);
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".txt"))
                    .filter(file -> file.getFileName().toString().contains(marker)).sorted()
                    .map(Texts::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 6-digit code in the latest text to the number. */
    public String latestCodeTo(String phoneNumber) {
        List<String> texts = to(phoneNumber);
        if (texts.isEmpty()) {
            throw new AssertionError("No text message to " + phoneNumber);
        }
        Matcher matcher = CODE.matcher(texts.get(texts.size() - 1));
        if (!matcher.find()) {
            throw new AssertionError("No 6-digit code in the latest text to " + phoneNumber);
        }
        return matcher.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
