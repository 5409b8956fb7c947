-- "End one session of this account" commands (an operator ended one session from the admin API): the same outbox as
-- "end every session", naming the session by its sid (SHA-256 of the session id, as in ID tokens; never the id, a
-- bearer secret). NULL: every session of the account, as before.
ALTER TABLE account_session_ending ADD COLUMN session_sid text;

ALTER TABLE account_session_ending DROP CONSTRAINT account_session_ending_reason_check;
ALTER TABLE account_session_ending ADD CONSTRAINT account_session_ending_reason_check
    CHECK (reason IN ('INTERVENTION', 'ERASURE', 'MERGE', 'OPERATOR'));
