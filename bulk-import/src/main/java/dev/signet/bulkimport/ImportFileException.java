package dev.signet.bulkimport;

/** The import file as a whole cannot be read (not JSON, not an array, truncated); later rows cannot be trusted. */
public final class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }
}
