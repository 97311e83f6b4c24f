-- The registry's changes in the order they were committed, for partners who mirror it (GET /api/v1/schemes/changes)
-- and for the validators of lists and exports (ETag). Every insert or update of a scheme takes the next revision, every
-- deletion leaves a tombstone with one.
--
-- A revision is drawn under the registry's write lock (the advisory lock SchemeService takes, held until commit), so
-- revisions are committed in increasing order: a reader that has seen revision n will never later find a committed
-- change numbered n or less. A plain sequence would not promise that (a transaction holding revision 5 may commit after
-- another took 6). The trigger takes the lock itself, so that no write, however made, escapes the order.
create sequence scheme_revision_seq;

alter table scheme add column revision bigint;
update scheme s set revision = nextval('scheme_revision_seq')
from (select id from scheme order by updated_at, id) ordered where s.id = ordered.id;
alter table scheme alter column revision set not null;
create index scheme_revision_idx on scheme (revision);

-- A deleted scheme: its id and ref, for mirrors to delete their copy. No personal data; kept for good, so that a mirror
-- last synchronised at any revision learns every deletion since.
create table scheme_deletion (
    id         bigint       primary key,
    ref        varchar(100) not null,
    revision   bigint       not null,
    deleted_at timestamptz  not null
);
create index scheme_deletion_revision_idx on scheme_deletion (revision);

create function scheme_revised() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('scheme_write'));
    new.revision := nextval('scheme_revision_seq');
    return new;
end $$;
create trigger scheme_revised before insert or update on scheme for each row execute function scheme_revised();

create function scheme_deleted() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('scheme_write'));
    insert into scheme_deletion (id, ref, revision, deleted_at)
    values (old.id, old.ref, nextval('scheme_revision_seq'), clock_timestamp());
    return old;
end $$;
create trigger scheme_deleted after delete on scheme for each row execute function scheme_deleted();

-- The version of the scheme a coordinator's proposal was made on (its entity tag, as the admin sees it): approving a
-- proposal made on a version changed since would silently undo the changes published meanwhile.
alter table scheme_change add column base_tag varchar(40);
