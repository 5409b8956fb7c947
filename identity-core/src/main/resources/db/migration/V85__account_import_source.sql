-- Bulk import (docs/bulk-import.md): where each imported account came from, so that importing the same file again
-- updates accounts instead of duplicating them, and an unchanged row is recognised without rewriting it.
CREATE TABLE account_import_source (
    account_id           uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    -- The source system's user_id, when the file gave one: with the normalised email, the key of an imported user.
    source_user_id       text UNIQUE,
    -- SHA-256 of the row as last imported: equal on a later run means the row is unchanged.
    row_digest           bytea       NOT NULL,
    -- SHA-256 of the password hash the import last wrote: while the account still holds that hash, a new import may
    -- replace it; once the citizen has signed in (and the hash became Argon2id) or changed it, the import leaves it.
    password_hash_digest bytea,
    -- Names, phone number and metadata as the file gave them: the account has no place for them yet.
    profile              jsonb       NOT NULL DEFAULT '{}',
    -- A legacy identity the file names (connector id and subject there), kept until linking can take it over.
    legacy_connector     text,
    legacy_subject       text,
    first_imported_at    timestamptz NOT NULL,
    last_imported_at     timestamptz NOT NULL
);
