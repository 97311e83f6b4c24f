-- Closing accounts: an account can be deactivated (it keeps its history and may be reactivated by an admin) or
-- deleted (its tokens and sessions go with it, by the foreign keys' cascade). Either way it signs in no more.
alter table account add column deactivated_at timestamptz;

-- What happened to accounts: who created, deactivated, reactivated or deleted one, and issued or revoked its tokens.
-- No foreign key: the trace of a deleted account stays. No email or name either: the id is enough to answer
-- "who closed account 12, and when", and a deleted person's address leaves with them.
create sequence account_audit_seq increment by 50;
create table account_audit (
    id         bigint primary key,
    account_id bigint      not null,
    at         timestamptz not null,
    action     varchar(20) not null check (action in ('CREATE', 'DEACTIVATE', 'REACTIVATE', 'DELETE', 'TOKEN_ISSUE', 'TOKEN_REVOKE')),
    -- The account that acted (null: the configuration's admin token), and its role then.
    actor_id   bigint,
    actor_role varchar(20) not null
);
create index account_audit_account_idx on account_audit (account_id, at);

-- Failed sign-ins, for the throttle: kept in the database so that every directory process sharing it counts the same
-- failures. The key is a SHA-256 (of "email:" or "address:" and the value), so no address is stored; rows older than
-- the throttle's window are deleted as new failures come, which bounds the table by the failures of one window.
create table sign_in_failure (
    key varchar(64) not null,
    at  timestamptz not null
);
create index sign_in_failure_key_idx on sign_in_failure (key, at);
create index sign_in_failure_at_idx on sign_in_failure (at);
