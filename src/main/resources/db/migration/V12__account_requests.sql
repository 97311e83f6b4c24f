-- A coordinator asking for an account on their scheme, from the sign-in page: an admin or an ARS officer of the
-- scheme's région sees it in their space and decides (nothing is granted automatically); closing deletes it.
create table account_request (
    id          bigserial     primary key,
    scheme_id   bigint        not null references scheme (id) on delete cascade,
    name        varchar(200)  not null,
    email       varchar(320)  not null,
    message     varchar(2000),
    created_at  timestamptz   not null
);
create index account_request_scheme on account_request (scheme_id);
create index account_request_email on account_request (email);
