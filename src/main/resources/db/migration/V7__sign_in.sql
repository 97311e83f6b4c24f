-- Sign-in to the pages: a bcrypt password per account (none: API tokens only), and server-side sessions.
alter table account add column password_hash varchar(72);

create table web_session (
    -- SHA-256 of the cookie's value: the cookie itself is never stored.
    id         varchar(64) primary key,
    account_id bigint      not null references account (id) on delete cascade,
    -- The form token of this session (CSRF): every form posted while signed in carries it.
    csrf       varchar(64) not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index web_session_account_idx on web_session (account_id);
