-- Legacy identities linked to Signet accounts: "this person is customer 1234 in the vehicle tax system". An account
-- may hold any number of them, several from one connector; a legacy identity belongs to at most one account.
CREATE TABLE linked_legacy_identity (
    account_id          uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- The connector's id from the connectors file (stable by rule: changing it would orphan these rows).
    connector_id        text        NOT NULL,
    legacy_subject      text        NOT NULL,
    linked_at           timestamptz NOT NULL,
    -- How the citizen proved the link: new_account, signet_password, email_code (LinkMethod). Text, not an enum, so
    -- that later ways (account pages, operators, bulk import) need no migration.
    linked_by           text        NOT NULL,
    -- SHA-256 (hex) of the account's password hash when that hash was made from this identity's legacy password;
    -- NULL otherwise. Lets dual running refresh the carried-over password only while the citizen has not changed it.
    password_fingerprint text,
    PRIMARY KEY (connector_id, legacy_subject)
);

CREATE INDEX linked_legacy_identity_account_id ON linked_legacy_identity (account_id);
