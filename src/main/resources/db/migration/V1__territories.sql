-- INSEE's official geography (COG). Codes are the keys, always strings: "2A004", "971", "200040715".
-- Populations of EPCI, départements and régions are the sums of their current communes, recomputed at each load.

create table region (
    code        varchar(3)   primary key,
    name        varchar(200) not null,
    population  bigint       not null default 0
);

create table department (
    code        varchar(3)   primary key,
    name        varchar(200) not null,
    region_code varchar(3)   not null references region (code),
    population  bigint       not null default 0
);
create index department_region_idx on department (region_code);

create table epci (
    siren       varchar(9)   primary key,
    name        varchar(200) not null,
    type        varchar(10)  not null,
    population  bigint       not null default 0
);

create table commune (
    code            varchar(5)   primary key,
    name            varchar(200) not null,
    department_code varchar(3)   not null references department (code),
    epci_siren      varchar(9)   references epci (siren),
    -- null where INSEE publishes none (TAAF districts, Clipperton); 0 for the villages "morts pour la France"
    population      bigint,
    postal_codes    varchar(10)[] not null default '{}'
);
create index commune_department_idx on commune (department_code);
create index commune_epci_idx on commune (epci_siren);

-- One row per load of a referential file: which COG year is in the tables, from where, and when.
create table cog_load (
    id          bigserial    primary key,
    cog_year    integer      not null,
    source      varchar(200) not null,
    checksum    varchar(64)  not null,
    loaded_at   timestamptz  not null default now(),
    duration_ms bigint       not null,
    regions     integer      not null,
    departments integer      not null,
    epcis       integer      not null,
    communes    integer      not null
);
