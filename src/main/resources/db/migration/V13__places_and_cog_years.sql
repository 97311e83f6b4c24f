-- Territories as people name them: the municipal arrondissements of Paris, Lyon and Marseille, the former communes
-- (delegated, associated, merged), and the yearly COG that moves perimeters. Filled by the COG loader.

-- An arrondissement is a part of its commune with its own population (they sum to the commune's).
create table arrondissement (
    code         varchar(5)    primary key,
    name         varchar(200)  not null,
    commune_code varchar(5)    not null references commune (code) on delete cascade,
    population   bigint,
    postal_codes varchar(10)[] not null default '{}'
);
create index arrondissement_commune_idx on arrondissement (commune_code);

-- A former commune and the current commune it is part of now. A delegated commune may keep the code of its current
-- commune (the chef-lieu): its name is then another name of that commune. Older former codes carry no name.
create table former_commune (
    code         varchar(5)   not null,
    name         varchar(200),
    commune_code varchar(5)   not null references commune (code) on delete cascade,
    type         varchar(10)
);
create index former_commune_code_idx on former_commune (code);
create index former_commune_commune_idx on former_commune (commune_code);

-- The places perimeters resolve to: every commune, except that Paris, Lyon and Marseille are replaced by their
-- arrondissements. A scheme on Paris 18e then covers its 183,127 inhabitants, a scheme on the whole city each of
-- its arrondissements, and coverage, overlaps and white zones are exact. Rewritten by each COG load.
create table place (
    code            varchar(5)   primary key,
    name            varchar(200) not null,
    commune_code    varchar(5)   not null,
    department_code varchar(3)   not null,
    epci_siren      varchar(9),
    population      bigint
);
create index place_department_idx on place (department_code);
create index place_epci_idx on place (epci_siren);
create index place_commune_idx on place (commune_code);
insert into place (code, name, commune_code, department_code, epci_siren, population)
select code, name, code, department_code, epci_siren, population from commune;

comment on column scheme_commune.commune_code is
    'A place (see table place): a commune, or a municipal arrondissement in place of its city';
comment on table commune_coverage is
    'How many schemes of each kind and status cover each place (commune, or municipal arrondissement)';

alter table scheme add column perimeter_arrondissements varchar(5)[] not null default '{}';

-- The codes a load of the COG removed, with what took them over, as the previous referential knew them: a merged
-- commune's current commune (from the new file's former codes), a dissolved EPCI's member communes (in current
-- codes). No successor: the code stays in the perimeters that name it until someone decides.
create table cog_retired (
    load_id    bigint       not null references cog_load (id),
    level      varchar(16)  not null,
    code       varchar(9)   not null,
    name       varchar(200) not null,
    successors varchar(9)[] not null default '{}',
    primary key (load_id, level, code)
);

-- Perimeters are migrated after each load, once: null until done (a crash in between and the next start does it).
alter table cog_load add column perimeters_migrated_at timestamptz;
update cog_load set perimeters_migrated_at = loaded_at;

-- What a migration did to each scheme it changed: the report shown to administrators.
create table perimeter_migration (
    id                bigserial     primary key,
    load_id           bigint        not null references cog_load (id),
    scheme_id         bigint        references scheme (id) on delete set null,
    scheme_ref        varchar(100)  not null,
    scheme_name       varchar(300)  not null,
    population_before bigint        not null,
    population_after  bigint        not null,
    changes           varchar(500)[] not null default '{}',
    unresolved        varchar(9)[]  not null default '{}'
);
create index perimeter_migration_load_idx on perimeter_migration (load_id);

-- A perimeter moved by a new COG is a change of its own in the scheme's history.
alter table scheme_audit drop constraint scheme_audit_action_check;
alter table scheme_audit add constraint scheme_audit_action_check
    check (action in ('CREATE', 'UPDATE', 'DELETE', 'IMPORT', 'APPROVE', 'COG_UPDATE'));
