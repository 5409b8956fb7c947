package dev.signet.bulkimport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes each rejected row as one JSON object per line (JSON Lines): {@code {"row":12,"user_id":"auth0|42",
 * "reason":"..."}}. The row's hash, password, salt or key never reach the report: a {@link RejectedRow} holds none.
 */
public final class RejectionReport implements Consumer<RejectedRow>, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BufferedWriter out;

    public RejectionReport(Writer out) {
        this.out = new BufferedWriter(Objects.requireNonNull(out, "out"));
    }

    @Override
    public void accept(RejectedRow rejected) {
        ObjectNode line = JSON.createObjectNode();
        line.put("row", rejected.row());
        rejected.userId().ifPresent(id -> line.put("user_id", id));
        line.put("reason", rejected.reason());
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the rejection report", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the rejection report", e);
        }
    }
}
