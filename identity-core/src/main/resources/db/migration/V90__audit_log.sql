-- The audit log (docs/audit-log.md): append-only, each entry chained to the one before by SHA-256
-- (dev.signet.core.audit.AuditChain says exactly how an entry is hashed).
CREATE TABLE audit_entry (
    seq            bigint      PRIMARY KEY CHECK (seq > 0),
    occurred_at    timestamptz NOT NULL,
    actor_type     text        NOT NULL CHECK (actor_type IN ('OPERATOR', 'CITIZEN', 'ANONYMOUS', 'SYSTEM')),
    actor_id       text,
    event_type     text        NOT NULL,
    -- No foreign key: the record of what happened to an account outlives the account.
    account_id     uuid,
    client_address text,
    user_agent     text,
    details        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    prev_hash      text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash           text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- Filters read newest first within one account, one actor or one type.
CREATE INDEX audit_entry_account_seq ON audit_entry (account_id, seq) WHERE account_id IS NOT NULL;
CREATE INDEX audit_entry_actor_seq ON audit_entry (actor_id, seq) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_entry_type_seq ON audit_entry (event_type, seq);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);

-- The chain head: one row, locked FOR UPDATE by every append, so appends from any number of instances form one
-- gapless chain. It also lets verification notice entries removed from the end.
CREATE TABLE audit_chain_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq  bigint  NOT NULL,
    last_hash text    NOT NULL
);
INSERT INTO audit_chain_head (singleton, last_seq, last_hash) VALUES (true, 0, repeat('0', 64));
