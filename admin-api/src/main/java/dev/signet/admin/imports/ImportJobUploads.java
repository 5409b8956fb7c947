package dev.signet.admin.imports;

import dev.signet.admin.audit.OperatorAudit;
import dev.signet.bulkimport.ImportOptions;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Receives an import file: streams the request body into PostgreSQL in chunks of 1 MiB (never the whole file in
 * memory), with its SHA-256 and size, and queues the job, all in one transaction with the operator's audit entry. An
 * upload that breaks off, is too large or is not a JSON array leaves nothing behind.
 *
 * <p>Idempotency: the key the operator sends is stored with the job. The same key again with the same file and
 * options gets the same job back (the file is read again to compare its SHA-256, and not stored); the same key with
 * another file or options is refused. These uploads bypass the admin API's general idempotency filter, which holds a
 * request body in memory.
 */
public class ImportJobUploads {

    static final int CHUNK_BYTES = 1024 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final JdbcImportJobStore store;
    private final OperatorAudit operatorAudit;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final long maxFileBytes;

    ImportJobUploads(JdbcImportJobStore store, OperatorAudit operatorAudit, TransactionOperations transactions,
            Clock clock, long maxFileBytes) {
        this.store = Objects.requireNonNull(store, "store");
        this.operatorAudit = Objects.requireNonNull(operatorAudit, "operatorAudit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFileBytes = maxFileBytes;
    }

    /** What an upload gave. */
    sealed interface Outcome {
    }

    /** A new job, queued. */
    record Created(ImportJob job) implements Outcome {
    }

    /** The key was used before for this same file and options: that job. */
    record Replayed(ImportJob job) implements Outcome {
    }

    /** The key was used before for another file or other options. */
    record KeyReused() implements Outcome {
    }

    /** The file is larger than {@code signet.admin.imports.max-file-size}. */
    record TooLarge(long maxBytes) implements Outcome {
    }

    /** The file does not start as a JSON array does. */
    record NotAnArray() implements Outcome {
    }

    Outcome upload(Authentication operator, HttpServletRequest request, String idempotencyKey,
            ImportOptions options) throws IOException {
        if (request.getContentLengthLong() > maxFileBytes) {
            return new TooLarge(maxFileBytes);
        }
        String startedBy = operator.getName();
        Optional<ImportJob> earlier = store.findByIdempotencyKey(startedBy, idempotencyKey);
        if (earlier.isPresent()) {
            return compare(earlier.get(), request.getInputStream(), options);
        }
        try {
            return transactions.execute(status -> {
                try {
                    return store(operator, request, idempotencyKey, options);
                } catch (IOException e) {
                    throw new UploadBrokeOff(e);
                }
            });
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            // Another request with the same key committed first; this one's body is still unread.
            return compare(store.findByIdempotencyKey(startedBy, idempotencyKey).orElseThrow(),
                    request.getInputStream(), options);
        } catch (Refused refused) {
            return refused.outcome;
        } catch (UploadBrokeOff broken) {
            throw broken.getCause();
        }
    }

    private Outcome store(Authentication operator, HttpServletRequest request, String idempotencyKey,
            ImportOptions options) throws IOException {
        UUID id = UUID.randomUUID();
        store.insert(id, operator.getName(), idempotencyKey, options.connectorId(), options.batchSize(),
                clock.instant());
        MessageDigest sha256 = sha256();
        InputStream body = request.getInputStream();
        long size = 0;
        int sequence = 0;
        for (byte[] chunk = body.readNBytes(CHUNK_BYTES); chunk.length > 0; chunk = body.readNBytes(CHUNK_BYTES)) {
            size += chunk.length;
            if (size > maxFileBytes) {
                throw new Refused(new TooLarge(maxFileBytes));
            }
            if (sequence == 0 && !startsAnArray(chunk)) {
                throw new Refused(new NotAnArray());
            }
            sha256.update(chunk);
            store.appendChunk(id, sequence++, chunk);
        }
        if (size == 0) {
            throw new Refused(new NotAnArray());
        }
        store.fileStored(id, sha256.digest(), size);
        // Last, so that the audit log's lock is held for a moment, not for the whole upload.
        Map<String, String> details = new TreeMap<>();
        details.put("job_id", id.toString());
        details.put("file_bytes", Long.toString(size));
        options.connectorId().ifPresent(connector -> details.put("connector", connector));
        operatorAudit.record(operator, request, ImportJobAudit.STARTED, Optional.empty(), details);
        return new Created(store.find(id).orElseThrow());
    }

    private Outcome compare(ImportJob earlier, InputStream body, ImportOptions options) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
            size += read;
            if (size > maxFileBytes) {
                return new TooLarge(maxFileBytes);
            }
            sha256.update(buffer, 0, read);
        }
        boolean same = MessageDigest.isEqual(sha256.digest(), earlier.fileSha256())
                && earlier.connectorId().equals(options.connectorId()) && earlier.batchSize() == options.batchSize();
        return same ? new Replayed(earlier) : new KeyReused();
    }

    /** A cheap early check of the format: the first character that is not white space opens an array. */
    private static boolean startsAnArray(byte[] chunk) {
        int start = chunk.length >= 3 && chunk[0] == UTF8_BOM[0] && chunk[1] == UTF8_BOM[1]
                && chunk[2] == UTF8_BOM[2] ? 3 : 0;
        for (int i = start; i < chunk.length; i++) {
            byte b = chunk[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[';
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Rolls the upload's transaction back with an outcome for the operator. */
    private static final class Refused extends RuntimeException {
        private final transient Outcome outcome;

        Refused(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private static final class UploadBrokeOff extends RuntimeException {
        UploadBrokeOff(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
