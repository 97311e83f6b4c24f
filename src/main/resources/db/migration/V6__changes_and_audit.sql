-- A coordinator's proposal waits here until an ARS officer of a concerned région (or an admin) approves or rejects it;
-- the public sees the published scheme meanwhile.
create sequence scheme_change_seq increment by 50;
create table scheme_change (
    id          bigint primary key,
    scheme_id   bigint      not null references scheme (id) on delete cascade,
    proposed_by bigint      references account (id) on delete set null,
    proposed_at timestamptz not null,
    -- The scheme as proposed, in the API's JSON format (SchemeDocument).
    document    text        not null,
    status      varchar(10) not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    reason      varchar(2000),
    decided_by  bigint      references account (id) on delete set null,
    decided_at  timestamptz
);
create index scheme_change_pending_idx on scheme_change (scheme_id) where status = 'PENDING';

-- Every published change: who, when, and each field's old and new value. No foreign key to scheme: the trace of a
-- deleted scheme stays. Coordinators appear by person id, never by name or contact: erasing a person leaves an
-- anonymised trace.
create sequence scheme_audit_seq increment by 50;
create table scheme_audit (
    id          bigint primary key,
    scheme_id   bigint      not null,
    at          timestamptz not null,
    action      varchar(10) not null check (action in ('CREATE', 'UPDATE', 'DELETE', 'IMPORT', 'APPROVE')),
    -- The account that published it (null: the configuration's admin token), and its role then.
    actor_id    bigint,
    actor_role  varchar(20) not null,
    changes     text        not null
);
create index scheme_audit_scheme_idx on scheme_audit (scheme_id, at);
