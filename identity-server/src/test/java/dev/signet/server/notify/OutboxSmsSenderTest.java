package dev.signet.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.notify.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSmsSenderTest {

    @TempDir
    Path outbox;

    @Test
    void eachTextBecomesOneReadableFileNamedByTimeAndNumber() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00.123Z"), ZoneOffset.UTC);
        OutboxSmsSender sender = new OutboxSmsSender(outbox, clock);

        sender.send(new TextMessage("+447700900123", "123456 is your security code"));
        sender.send(new TextMessage("+447700900123", "654321 is your security code"));

        List<Path> files;
        try (Stream<Path> listed = Files.list(outbox)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString())
                .startsWith("20261122T120000.123Z-sms-447700900123-").endsWith(".txt"));
        assertThat(files.stream().map(file -> {
            try {
                return Files.readString(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anySatisfy(text -> assertThat(text).startsWith("To: +447700900123\nDate: 2026-11-22T12:00:00.123Z\n\n")
                .contains("123456 is your security code"));
        assertThat(new TextMessage("+447700900123", "123456").toString()).doesNotContain("123456\"")
                .isEqualTo("TextMessage[to=+447700900123]");
    }
}
