-- Merging one person's two accounts (docs/account-merge.md). The account merged away (the source) is kept, marked
-- MERGED and pointing at the account it was merged into (the target), so that it can no longer be used to sign in and
-- an operator can undo the merge; its password, second factors, passkeys and email address stay on it.
ALTER TABLE account DROP CONSTRAINT account_status_check;
ALTER TABLE account ADD CONSTRAINT account_status_check
    CHECK (status IN ('ACTIVE', 'SUSPENDED', 'BLOCKED', 'PASSWORD_RESET_REQUIRED', 'MERGED'));
-- SET NULL rather than a cascade: erasing the target must not silently erase another account; the source stays
-- MERGED (no sign-in) and an operator erases it too.
ALTER TABLE account ADD COLUMN merged_into uuid REFERENCES account (id) ON DELETE SET NULL;

-- A merge ends the source's sessions through the same outbox as interventions and erasures.
ALTER TABLE account_session_ending DROP CONSTRAINT account_session_ending_reason_check;
ALTER TABLE account_session_ending ADD CONSTRAINT account_session_ending_reason_check
    CHECK (reason IN ('INTERVENTION', 'ERASURE', 'MERGE'));

-- One row per merge, kept after an undo (undone_at set) as the history of the two accounts.
CREATE TABLE account_merge (
    id                     uuid        PRIMARY KEY,
    source_account_id      uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    target_account_id      uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- What an undo gives the source back.
    source_previous_status text        NOT NULL,
    merged_at              timestamptz NOT NULL,
    merged_by              text        NOT NULL, -- the actor, as ActorType:id (OPERATOR:ops-jane, CITIZEN:<account>)
    reason                 text        NOT NULL,
    undone_at              timestamptz,
    undone_by              text,
    undo_reason            text,
    CHECK (source_account_id <> target_account_id),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL))
);

-- An account is merged away at most once at a time; the index also serves "is this account merged, into what".
CREATE UNIQUE INDEX account_merge_active_source_key ON account_merge (source_account_id) WHERE undone_at IS NULL;
-- "Which accounts were merged into this one" (an account holding merges cannot itself be merged away).
CREATE INDEX account_merge_active_target_idx ON account_merge (target_account_id) WHERE undone_at IS NULL;

-- Exactly which legacy identities a merge moved, as they were on the source, so that an undo moves them back.
CREATE TABLE account_merge_identity (
    merge_id             uuid NOT NULL REFERENCES account_merge (id) ON DELETE CASCADE,
    connector_id         text NOT NULL,
    legacy_subject       text NOT NULL,
    -- The link's fingerprint on the source (cleared on the target, whose password does not come from it).
    password_fingerprint text,
    PRIMARY KEY (merge_id, connector_id, legacy_subject)
);

-- The services-used rows (service_sign_in) a merge added to the target, so that an undo removes those not used since.
CREATE TABLE account_merge_service (
    merge_id  uuid NOT NULL REFERENCES account_merge (id) ON DELETE CASCADE,
    client_id text NOT NULL,
    PRIMARY KEY (merge_id, client_id)
);
