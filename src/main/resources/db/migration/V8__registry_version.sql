-- The registry's version: a number that moves on, once per transaction, whenever a figure read from the counts of
-- V4__coverage.sql (coverage, white zones, kind x kind overlaps) or from the COG's populations may change. The
-- application keeps such figures with the version they were computed at, and computes them again only when the
-- version has moved: a write, whoever makes it (API, import, SQL), is seen by the next request of every instance.
create table registry_version (
    only_row boolean primary key default true check (only_row),
    version  bigint  not null
);
insert into registry_version (version) values (1);

-- Moves the version, the first time a transaction calls it: an import counting a million (scheme, commune) rows
-- pays one update, then a read of a transaction-local setting per row. Writers of the counts already take turns
-- (SchemeService), so the single row adds no lock order of its own.
create function registry_changed() returns void
language plpgsql as $$
begin
    if current_setting('directory.registry_changed', true) is distinct from 'yes' then
        update registry_version set version = version + 1;
        perform set_config('directory.registry_changed', 'yes', true);
    end if;
end $$;

-- Every count moves through these two functions (V4__coverage.sql, restated with the call first).
create or replace function commune_coverage_add(p_commune varchar, p_kind varchar, p_status varchar, p_delta integer) returns void
language plpgsql as $$
begin
    perform registry_changed();
    if p_delta > 0 then
        insert into commune_coverage as cc (commune_code, kind, status, schemes) values (p_commune, p_kind, p_status, p_delta)
        on conflict (commune_code, kind, status) do update set schemes = cc.schemes + excluded.schemes;
    else
        update commune_coverage cc set schemes = cc.schemes + p_delta
        where cc.commune_code = p_commune and cc.kind = p_kind and cc.status = p_status;
    end if;
end $$;

create or replace function area_schemes_add(p_departments varchar[], p_kind varchar, p_status varchar, p_delta integer) returns void
language plpgsql as $$
begin
    perform registry_changed();
    if p_delta > 0 then
        insert into area_schemes as a (level, code, kind, status, schemes)
        select 'department', d, p_kind, p_status, p_delta from unnest(p_departments) d
        union
        select 'region', dep.region_code, p_kind, p_status, p_delta from department dep where dep.code = any(p_departments)
        on conflict (level, code, kind, status) do update set schemes = a.schemes + excluded.schemes;
    else
        update area_schemes a set schemes = a.schemes + p_delta
        where a.kind = p_kind and a.status = p_status
          and ((a.level = 'department' and a.code = any(p_departments))
            or (a.level = 'region' and a.code in (select dep.region_code from department dep where dep.code = any(p_departments))));
    end if;
end $$;

-- A new COG changes populations and memberships.
create function registry_changed_by_statement() returns trigger
language plpgsql as $$
begin
    perform registry_changed();
    return null;
end $$;
create trigger commune_changed after insert or update or delete or truncate on commune
    for each statement execute function registry_changed_by_statement();
