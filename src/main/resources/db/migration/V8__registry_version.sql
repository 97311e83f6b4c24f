-- The registry's version: a number that moves on, once per transaction, whenever a figure read from the counts of
-- V4__coverage.sql (coverage, white zones, kind x kind overlaps) or from the COG's populations may change. The
-- application keeps such figures with the version they were computed at, and computes them again only when the
-- version has moved: a write, whoever makes it (API, import, SQL), is seen by the next request of every instance.
create table registry_version (
    only_row  boolean primary key default true check (only_row),
    version   bigint  not null,
    -- the transaction that last moved the version: later statements of the same transaction leave it be
    last_xact xid8
);
insert into registry_version (version) values (1);

create function registry_changed() returns trigger
language plpgsql as $$
begin
    update registry_version set version = version + 1, last_xact = pg_current_xact_id()
    where last_xact is distinct from pg_current_xact_id();
    return null;
end $$;

-- Every change of a perimeter, of a scheme's kind or status, or of its départements moves these counts; scheme_commune
-- itself is watched too, for the pairs the kind x kind overlaps join. Statement-level: an import of thousands of
-- rows costs one update and then a read per statement. Writers of these tables already take turns
-- (SchemeService), so the single row adds no lock order of its own.
create trigger commune_coverage_changed after insert or update or delete or truncate on commune_coverage
    for each statement execute function registry_changed();
create trigger area_schemes_changed after insert or update or delete or truncate on area_schemes
    for each statement execute function registry_changed();
create trigger scheme_commune_changed after insert or update or delete or truncate on scheme_commune
    for each statement execute function registry_changed();
-- A new COG changes populations and memberships.
create trigger commune_changed after insert or update or delete or truncate on commune
    for each statement execute function registry_changed();
