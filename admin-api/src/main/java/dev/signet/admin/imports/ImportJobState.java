package dev.signet.admin.imports;

import java.util.Locale;

/** Where an import job is: {@code queued -> running -> succeeded | failed}. */
public enum ImportJobState {
    /** The file is stored; an admin-api instance will pick the job up. */
    QUEUED,
    /** An instance is importing the file; the counts grow after each batch. */
    RUNNING,
    /** The file was read to its end (rejected rows included: read the report). */
    SUCCEEDED,
    /**
     * The file stopped being valid JSON, the database failed, or the instance running the job stopped. Rows imported
     * before stay imported; start a new job with the same file and they come back unchanged.
     */
    FAILED;

    /** The stored and shown form, e.g. {@code running}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportJobState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
