-- A listing brought in from a spreadsheet: the file as sent and the person's choices (column mappings, the territory
-- picked for each ambiguous name, rows skipped), from which every node recomputes the same preview. A draft lives
-- 7 days; once committed, the import keeps its report and what undoes it for 30 days, then goes.
create table spreadsheet_import (
    id           uuid         primary key,
    -- The account that brought it in (null: the configuration's admin token), and its role then.
    account_id   bigint       references account (id) on delete cascade,
    actor_role   varchar(20)  not null,
    file_name    varchar(255) not null,
    content      bytea        not null,
    settings     text         not null,
    status       varchar(10)  not null check (status in ('DRAFT', 'COMMITTED', 'UNDONE')),
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    committed_at timestamptz,
    -- The preview as committed, row by row (the downloadable report).
    outcome      text,
    undone_at    timestamptz
);
create index spreadsheet_import_account_idx on spreadsheet_import (account_id, created_at);
create index spreadsheet_import_expiry_idx on spreadsheet_import (expires_at);

-- What a committed import wrote: each scheme it created or updated, the revision it left it at (a later revision means
-- someone changed it since, and the undo is refused), and for an update the scheme as it was before, with the ids of the
-- people in it: erasing one of them erases that copy too (the undo of that scheme is then refused).
create table spreadsheet_import_write (
    import_id       uuid     not null references spreadsheet_import (id) on delete cascade,
    scheme_id       bigint   not null,
    created         boolean  not null,
    revision        bigint   not null,
    before_document text,
    person_ids      bigint[] not null default '{}',
    primary key (import_id, scheme_id)
);
create index spreadsheet_import_write_person_idx on spreadsheet_import_write using gin (person_ids);

-- The trail entries an import wrote carry its id: the import has its own page in the trail.
alter table scheme_audit add column batch uuid;
create index scheme_audit_batch_idx on scheme_audit (batch) where batch is not null;
