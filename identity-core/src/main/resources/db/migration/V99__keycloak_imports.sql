-- Imports of a departmental Keycloak realm through the admin API (docs/keycloak-import.md). The accounts themselves are
-- written by the bulk import's writer (account_import_source, linked_legacy_identity); these tables hold each run's
-- progress and per-user report, so that any admin-api instance can answer for it. The realm's credentials are never
-- stored: they live in the memory of the instance running the import, for as long as it runs.
CREATE TABLE keycloak_import (
    id            uuid        PRIMARY KEY,
    -- Keyset for listing, newest first.
    position      bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    started_by    text        NOT NULL,
    server_url    text        NOT NULL,
    realm         text        NOT NULL,
    -- The Signet oidc connector that points at this realm: the imported users' legacy identities are its subjects.
    connector_id  text        NOT NULL,
    -- The user attributes kept with each import record (names only).
    attributes    text[]      NOT NULL,
    -- running -> succeeded | failed (KeycloakImportState).
    state         text        NOT NULL,
    -- The realm's user count when the import started (what progress is measured against), then the counts so far.
    users_total   integer,
    users_read    integer     NOT NULL DEFAULT 0,
    created       integer     NOT NULL DEFAULT 0,
    updated       integer     NOT NULL DEFAULT 0,
    unchanged     integer     NOT NULL DEFAULT 0,
    rejected      integer     NOT NULL DEFAULT 0,
    linked        integer     NOT NULL DEFAULT 0,
    -- Why a failed import failed, in words for the operator (never a credential).
    failure       text,
    started_at    timestamptz NOT NULL,
    -- Written after each page: a running import whose heartbeat is old lost its admin-api instance.
    heartbeat_at  timestamptz NOT NULL,
    finished_at   timestamptz
);

-- One line per Keycloak user read, in the order read.
CREATE TABLE keycloak_import_user (
    import_id            uuid    NOT NULL REFERENCES keycloak_import (id) ON DELETE CASCADE,
    position             integer NOT NULL,
    keycloak_id          text    NOT NULL,
    username             text,
    -- created, updated, unchanged or rejected (KeycloakUserOutcome).
    outcome              text    NOT NULL,
    account_id           uuid,
    -- Whether the Keycloak user id is linked to account_id as a legacy identity of the connector after this import.
    linked               boolean NOT NULL DEFAULT false,
    -- The user's federated identity links at Keycloak (identity provider aliases), kept with the import record.
    federated_identities integer NOT NULL DEFAULT 0,
    reason               text,
    PRIMARY KEY (import_id, position)
);
