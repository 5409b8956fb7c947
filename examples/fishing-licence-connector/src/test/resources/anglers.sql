-- The Environment Agency's old fishing licence accounts, as the example's tests create them: the table the connector
-- reads (connector.properties) and a reader role that may SELECT from it and nothing else.
CREATE TABLE anglers (
  licence_holder_no bigint PRIMARY KEY,
  username          text NOT NULL UNIQUE,
  password_hash     text,
  salt              text,
  email             text,
  email_confirmed   boolean NOT NULL DEFAULT false,
  first_name        text,
  last_name         text
);

-- Accounts moved to bcrypt in 2019. Password "correct horse battery staple" (mkpasswd -m bcrypt -R 5).
INSERT INTO anglers VALUES (2000417, 'margaret.hughes',
  '$2b$05$lhdMD/.laFDvPIXp64GcVengDmKZOo5wtK82Qm/owaXzQYblTYpKu', NULL,
  'margaret.hughes@example.org', true, 'Margaret', 'Hughesington');

-- An account untouched since 2008: SHA-1 of salt + password. Password "Gone fishing 1987"
-- (printf '%s' 'Qm9XrT2pGone fishing 1987' | openssl dgst -sha1).
INSERT INTO anglers VALUES (1000032, 'dai.pysgotwr',
  'a6d5a94ed728a7b4d0f281b35b324aa1a061ca5a', 'Qm9XrT2p',
  'dai.pysgotwr@example.org', true, 'Dai', 'Pysgotwr');

-- A closed account: no password, so it can never sign in.
INSERT INTO anglers VALUES (1000001, 'closed.account', NULL, NULL, NULL, false, NULL, NULL);

CREATE ROLE signet_reader LOGIN PASSWORD 'reader-password-for-tests-only';
GRANT SELECT ON anglers TO signet_reader;
