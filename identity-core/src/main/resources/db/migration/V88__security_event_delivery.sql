-- Security Event Token outbox: one row per relying party to tell, written in the same transaction as the change that
-- causes the event (a merge, an unlink), delivered by identity-server's worker on any instance (rows claimed with
-- FOR UPDATE SKIP LOCKED). Rows hold account ids, not subs: each relying party's own sub is derived when the token
-- is signed, so the row is the same whatever the relying party's sector is.
CREATE TABLE security_event_delivery (
    id              uuid        PRIMARY KEY, -- also the token's jti, the same on every attempt
    txn             uuid        NOT NULL,    -- the token's txn: the same for every relying party told of one change
    client_id       text        NOT NULL,
    event_type      text        NOT NULL CHECK (event_type IN ('ACCOUNT_MERGED', 'LEGACY_IDENTITY_UNLINKED')),
    account_id      uuid        NOT NULL,    -- merged: the account merged away; unlinked: the account
    new_account_id  uuid,                    -- merged: the account it was merged into
    connector_id    text,                    -- unlinked: the legacy identity's connector...
    legacy_subject  text,                    -- ...and subject (sent only to the connector's own department)
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,    -- also the token's toe (time of event)
    finished_at     timestamptz,
    CHECK ((event_type = 'ACCOUNT_MERGED' AND new_account_id IS NOT NULL)
        OR (event_type = 'LEGACY_IDENTITY_UNLINKED' AND connector_id IS NOT NULL AND legacy_subject IS NOT NULL))
);

CREATE INDEX security_event_delivery_due_idx ON security_event_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX security_event_delivery_client_idx ON security_event_delivery (client_id, created_at);
