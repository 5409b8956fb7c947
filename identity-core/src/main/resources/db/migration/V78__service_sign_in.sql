-- The services (relying parties) each citizen has signed in to, for "Services you have used" on the account page:
-- one row per account and service, updated at every sign-in (an ID token issued for an authorization code).
-- Kept here rather than read from oauth2_authorization: with signet.redis.url that table is empty (authorizations
-- live in Redis), and either store forgets an authorization once its tokens expire.
CREATE TABLE service_sign_in (
    account_id        uuid         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    client_id          text        NOT NULL,
    first_signed_in_at timestamptz NOT NULL,
    last_signed_in_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, client_id)
);
-- The account page's one query (WHERE account_id = ?, joined to relying_party for the display name) is served by the
-- primary keys of both tables: no other index is needed. No foreign key to relying_party: a relying party declared
-- in a file may be re-declared, and the citizen's history should not go with it; the join leaves out services that
-- are no longer registered.
