-- Legacy sign-in connectors (docs/admin-api.md "Connectors", docs/legacy-sign-in.md): those declared in the connectors
-- file (source FILE, written by identity-server at start-up) and those created through the admin API (source ADMIN).
-- A file connector an operator changes through the admin API becomes ADMIN: from then on the file's entry is ignored.
CREATE TABLE connector (
    id                  text        PRIMARY KEY,
    -- Keyset position for the admin API's cursor pages.
    seq                 bigserial   NOT NULL UNIQUE,
    type                text        NOT NULL,
    display_name        text        NOT NULL,
    welsh_display_name  text,
    department          text        NOT NULL,
    -- The settings that are not secrets, flat: {"jdbc-url": "...", "columns.subject": "id"}.
    settings            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- The names of the secret settings (shown redacted), and their values as one AES-256-GCM sealed JSON object
    -- (dev.signet.core.connectors.ConnectorSecretSealer, under a key derived from signet.keys.encryption-key).
    secret_names        text[]      NOT NULL DEFAULT '{}',
    sealed_secrets      bytea,
    migration           text        NOT NULL DEFAULT 'on-sign-in' CHECK (migration IN ('on-sign-in', 'dual-running')),
    keep_checking_until date,
    enabled             boolean     NOT NULL DEFAULT true,
    source              text        NOT NULL CHECK (source IN ('FILE', 'ADMIN')),
    version             bigint      NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK ((migration = 'dual-running') = (keep_checking_until IS NOT NULL)),
    CHECK ((sealed_secrets IS NULL) = (cardinality(secret_names) = 0))
);

-- One number that moves with every change to any connector, so each identity-server instance notices a change made
-- anywhere with one tiny read and reopens only then.
CREATE TABLE connector_catalog (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);
INSERT INTO connector_catalog (singleton, version) VALUES (true, 0);

CREATE FUNCTION connector_catalog_changed() RETURNS trigger AS $$
BEGIN
    UPDATE connector_catalog SET version = version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER connector_changed AFTER INSERT OR UPDATE OR DELETE ON connector
    FOR EACH ROW EXECUTE FUNCTION connector_catalog_changed();
