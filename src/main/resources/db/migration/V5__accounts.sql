-- Accounts and their API tokens. Roles and scopes: see fr.dynamiques.sante.access.Role and SchemeAccess.
create sequence account_seq increment by 50;
create table account (
    id           bigint primary key,
    -- Lower-cased: one account per address, whatever the case typed.
    email        varchar(254) not null unique,
    display_name varchar(200) not null,
    role         varchar(20)  not null check (role in ('ADMIN', 'ARS', 'COORDINATOR', 'PARTNER')),
    -- ARS and PARTNER: the régions they act in; COORDINATOR: the schemes they coordinate.
    regions      varchar(3)[] not null default '{}',
    scheme_ids   bigint[]     not null default '{}',
    created_at   timestamptz  not null
);

create sequence access_token_seq increment by 50;
create table access_token (
    id         bigint primary key,
    account_id bigint       not null references account (id) on delete cascade,
    -- SHA-256 of the token, hex: the token itself is shown once and never stored.
    hash       varchar(64)  not null unique,
    label      varchar(100),
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    revoked_at timestamptz
);
create index access_token_account_idx on access_token (account_id);
