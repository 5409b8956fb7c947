package dev.signet.core.account.importing;

/** The import file as a whole cannot be read (not JSON, not an array, truncated); no later row can be trusted. */
public final class AccountImportException extends RuntimeException {

    public AccountImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
