-- What coverage questions read instead of every (scheme, commune) row: national coverage would otherwise join
-- the whole of scheme_commune (about 1.6 million rows at 100,000 schemes) on every request.

-- How many schemes of each kind and status cover each commune. Kept exact by the triggers below, in the same
-- transaction as the write, whatever writes (API, import, SQL): a count is never stale. Rows at 0 stay (a commune
-- that lost its last scheme of a kind); readers keep schemes > 0.
create table commune_coverage (
    commune_code varchar(5)  not null,
    kind         varchar(20) not null,
    status       varchar(10) not null,
    schemes      integer     not null check (schemes >= 0),
    primary key (commune_code, kind, status)
);

-- Counting up may create the row; counting down updates it (an insert of a negative count would fail the check
-- before ON CONFLICT is considered).
create function commune_coverage_add(p_commune varchar, p_kind varchar, p_status varchar, p_delta integer) returns void
language plpgsql as $$
begin
    if p_delta > 0 then
        insert into commune_coverage as cc (commune_code, kind, status, schemes) values (p_commune, p_kind, p_status, p_delta)
        on conflict (commune_code, kind, status) do update set schemes = cc.schemes + excluded.schemes;
    else
        update commune_coverage cc set schemes = cc.schemes + p_delta
        where cc.commune_code = p_commune and cc.kind = p_kind and cc.status = p_status;
    end if;
end $$;

-- A commune added to or removed from a perimeter counts for the scheme's kind and status.
create function scheme_commune_counted() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform commune_coverage_add(new.commune_code, s.kind, s.status, 1) from scheme s where s.id = new.scheme_id;
        return new;
    end if;
    perform commune_coverage_add(old.commune_code, s.kind, s.status, -1) from scheme s where s.id = old.scheme_id;
    return old;
end $$;
create trigger scheme_commune_counted after insert or delete on scheme_commune
    for each row execute function scheme_commune_counted();

-- A scheme that changes kind or status moves its communes from one count to the other.
create function scheme_recounted() returns trigger
language plpgsql as $$
begin
    perform commune_coverage_add(sc.commune_code, old.kind, old.status, -1) from scheme_commune sc where sc.scheme_id = old.id;
    perform commune_coverage_add(sc.commune_code, new.kind, new.status, 1) from scheme_commune sc where sc.scheme_id = new.id;
    return new;
end $$;
create trigger scheme_recounted after update of kind, status on scheme
    for each row when (old.kind is distinct from new.kind or old.status is distinct from new.status)
    execute function scheme_recounted();

-- A deleted scheme's communes go first, while the scheme row still tells what they were counted for (the
-- cascade of the foreign key would remove them after the row, too late to know).
create function scheme_uncounted() returns trigger
language plpgsql as $$
begin
    delete from scheme_commune where scheme_id = old.id;
    return old;
end $$;
create trigger scheme_uncounted before delete on scheme
    for each row execute function scheme_uncounted();

insert into commune_coverage (commune_code, kind, status, schemes)
select sc.commune_code, s.kind, s.status, count(*)
from scheme_commune sc join scheme s on s.id = sc.scheme_id
group by 1, 2, 3;

-- The départements a perimeter touches, stored with the scheme like its population (written by the application
-- from the COG when the perimeter is resolved).
alter table scheme add column department_codes varchar(3)[] not null default '{}';
update scheme s set department_codes = array(
    select distinct c.department_code from scheme_commune sc join commune c on c.code = sc.commune_code
    where sc.scheme_id = s.id order by 1);

-- How many schemes of each kind and status work in each département and each région (a scheme counts once in a
-- région however many of its départements it touches). Kept exact by a trigger on scheme, like commune_coverage.
create table area_schemes (
    level   varchar(10) not null check (level in ('department', 'region')),
    code    varchar(3)  not null,
    kind    varchar(20) not null,
    status  varchar(10) not null,
    schemes integer     not null check (schemes >= 0),
    primary key (level, code, kind, status)
);

create function area_schemes_add(p_departments varchar[], p_kind varchar, p_status varchar, p_delta integer) returns void
language plpgsql as $$
begin
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

create function scheme_area_counted() returns trigger
language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform area_schemes_add(old.department_codes, old.kind, old.status, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform area_schemes_add(new.department_codes, new.kind, new.status, 1);
    end if;
    return null;
end $$;
create trigger scheme_area_counted after insert or delete on scheme
    for each row execute function scheme_area_counted();
create trigger scheme_area_recounted after update of department_codes, kind, status on scheme
    for each row when (old.department_codes is distinct from new.department_codes or old.kind is distinct from new.kind
                       or old.status is distinct from new.status)
    execute function scheme_area_counted();

insert into area_schemes (level, code, kind, status, schemes)
select 'department', d, s.kind, s.status, count(*) from scheme s, unnest(s.department_codes) d group by 2, 3, 4
union all
select 'region', r.region_code, r.kind, r.status, count(*)
from (select distinct s.id, dep.region_code, s.kind, s.status from scheme s join department dep on dep.code = any(s.department_codes)) r
group by 2, 3, 4;
