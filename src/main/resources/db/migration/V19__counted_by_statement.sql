-- The coverage counts of V4__coverage.sql, kept by statement instead of by row: an insert of 500 (scheme, commune) rows
-- (the driver sends a batch as one multi-row insert) counts them in one grouped upsert, where the row trigger ran 500
-- times a lookup of the scheme and an upsert. The counts stay exact, in the same transaction, whoever writes.

drop trigger scheme_commune_counted on scheme_commune;
drop function scheme_commune_counted();

create function scheme_communes_added() returns trigger
language plpgsql as $$
begin
    perform registry_changed();
    insert into commune_coverage as cc (commune_code, kind, status, schemes)
    select a.commune_code, s.kind, s.status, count(*) from added a join scheme s on s.id = a.scheme_id group by 1, 2, 3
    on conflict (commune_code, kind, status) do update set schemes = cc.schemes + excluded.schemes;
    return null;
end $$;
create trigger scheme_communes_added after insert on scheme_commune
    referencing new table as added for each statement execute function scheme_communes_added();

create function scheme_communes_removed() returns trigger
language plpgsql as $$
begin
    perform registry_changed();
    update commune_coverage cc set schemes = cc.schemes - r.schemes
    from (select d.commune_code, s.kind, s.status, count(*) as schemes
          from removed d join scheme s on s.id = d.scheme_id group by 1, 2, 3) r
    where cc.commune_code = r.commune_code and cc.kind = r.kind and cc.status = r.status;
    return null;
end $$;
create trigger scheme_communes_removed after delete on scheme_commune
    referencing old table as removed for each statement execute function scheme_communes_removed();
