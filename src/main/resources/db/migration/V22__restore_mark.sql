-- A restore of the embedded database (embedded.Restore) leaves a row here: the search indexes hold what was written
-- after the instant restored to, so the next start rebuilds them from the database (search.SchemeIndexStartup,
-- territory.ReferentialStartup) and then clears the row.
create table restore_mark (
    backup_id   text        not null,
    until       timestamptz,
    restored_at timestamptz not null default now()
);
