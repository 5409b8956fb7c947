-- Bulk import jobs started through the admin API (docs/bulk-import.md "Admin API"). The file, the job's state and its
-- report all live here, so that any admin-api instance can run a job, report its progress and serve its report.
CREATE TABLE import_job (
    id                uuid        PRIMARY KEY,
    -- Keyset for listing, newest first: cursors are positions, not offsets.
    position          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- The operator who started it (the token's subject) and the Idempotency-Key they sent: a retry with the same key
    -- and the same file gets this job back instead of a second one.
    started_by        text        NOT NULL,
    idempotency_key   text        NOT NULL,
    -- SHA-256 of the uploaded file and its size.
    file_sha256       bytea       NOT NULL,
    file_bytes        bigint      NOT NULL,
    -- Import options: the connector whose legacy identities the file's user_ids are (NULL: none), rows per batch.
    connector_id      text,
    batch_size        integer     NOT NULL,
    -- queued -> running -> succeeded | failed (ImportJobState).
    state             text        NOT NULL,
    -- The admin-api instance running it, and when it last showed it was alive: a running job whose instance stopped
    -- is found by its stale heartbeat and marked failed.
    runner            text,
    heartbeat_at      timestamptz,
    rows_read         integer     NOT NULL DEFAULT 0,
    created           integer     NOT NULL DEFAULT 0,
    updated           integer     NOT NULL DEFAULT 0,
    unchanged         integer     NOT NULL DEFAULT 0,
    rejected          integer     NOT NULL DEFAULT 0,
    linked            integer     NOT NULL DEFAULT 0,
    -- Why a failed job failed, in words for the operator (never a row's content).
    failure           text,
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    finished_at       timestamptz,
    UNIQUE (started_by, idempotency_key)
);

CREATE INDEX import_job_state ON import_job (state) WHERE state IN ('queued', 'running');

-- The uploaded file, in chunks of at most 1 MiB, in order: read back one chunk at a time by the job.
CREATE TABLE import_job_chunk (
    job_id   uuid    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    sequence integer NOT NULL,
    data     bytea   NOT NULL,
    PRIMARY KEY (job_id, sequence)
);

-- The per-row report: every rejected row with its reason, never its hash.
CREATE TABLE import_job_rejection (
    job_id   uuid    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    file_row integer NOT NULL,
    user_id  text,
    reason   text    NOT NULL,
    PRIMARY KEY (job_id, file_row)
);
