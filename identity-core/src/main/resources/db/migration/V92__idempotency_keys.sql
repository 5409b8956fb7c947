-- Idempotency keys of the admin API's create operations (draft-ietf-httpapi-idempotency-key-header): the first
-- request's response is kept and replayed to retries. status IS NULL while the first request is being processed.
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer,
    headers         jsonb,
    body            bytea,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
