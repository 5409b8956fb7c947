package dev.signet.admin.imports;

import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;

/** A job's uploaded file read back from its chunks, one chunk (at most 1 MiB) in memory at a time. */
final class StoredFileInputStream extends InputStream {

    private final JdbcImportJobStore store;
    private final UUID jobId;
    private int nextChunk;
    private byte[] chunk = new byte[0];
    private int offset;
    private boolean ended;

    StoredFileInputStream(JdbcImportJobStore store, UUID jobId) {
        this.store = Objects.requireNonNull(store, "store");
        this.jobId = Objects.requireNonNull(jobId, "jobId");
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int length) {
        Objects.checkFromIndexSize(off, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (offset == chunk.length) {
            if (ended) {
                return -1;
            }
            var next = store.readChunk(jobId, nextChunk++);
            if (next.isEmpty()) {
                ended = true;
                return -1;
            }
            chunk = next.get();
            offset = 0;
        }
        int count = Math.min(length, chunk.length - offset);
        System.arraycopy(chunk, offset, buffer, off, count);
        offset += count;
        return count;
    }
}
