-- Single-use recovery codes: only a salted Argon2id hash (PHC string) of each code is kept.
CREATE TABLE recovery_code (
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  text        NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);
