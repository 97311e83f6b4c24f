-- The registry of territorial health schemes.
-- Codes of the COG are stored as strings without foreign keys to the territory tables: a new COG year
-- may merge or remove communes, and the referential load must not be blocked by the schemes that
-- declared them. Each scheme records the COG year its perimeter was resolved with.

-- Kinds are data, not an enum: a new kind (Ville-Santé OMS, contrat territorial de santé...) is a row.
-- "features" names the kind-specific facts a scheme of this kind may carry (see KindFeature).
create table scheme_kind (
    code      varchar(20)  primary key,
    label_fr  varchar(200) not null,
    label_en  varchar(200) not null,
    features  varchar(40)[] not null default '{}'
);

insert into scheme_kind (code, label_fr, label_en, features) values
    ('ASV',  'Atelier santé ville', 'Urban health workshop', '{PRIORITY_NEIGHBOURHOODS}'),
    ('CLS',  'Contrat local de santé', 'Local health contract', '{GENERATIONS}'),
    ('CLSM', 'Conseil local de santé mentale', 'Local mental health council', '{CO_CARRYING_HOSPITAL}'),
    ('CPTS', 'Communauté professionnelle territoriale de santé', 'Territorial professional health community', '{CPTS_STAGES}');

-- The controlled vocabulary of themes, seeded from the themes CLS, CLSM, ASV and CPTS documents name
-- most often (CPTS: the missions of the ACI). Schemes may add free tags beside it.
create table theme (
    code   varchar(80)  primary key,
    label  varchar(120) not null unique
);

insert into theme (code, label) values
    ('acces-aux-droits-et-aux-soins', 'accès aux droits et aux soins'),
    ('acces-aux-soins', 'accès aux soins'),
    ('acces-a-un-medecin-traitant', 'accès à un médecin traitant'),
    ('soins-non-programmes', 'soins non programmés'),
    ('parcours-de-soins', 'parcours de soins'),
    ('prevention', 'prévention'),
    ('promotion-de-la-sante', 'promotion de la santé'),
    ('sante-mentale', 'santé mentale'),
    ('prevention-du-suicide', 'prévention du suicide'),
    ('addictions', 'addictions'),
    ('nutrition', 'nutrition'),
    ('activite-physique', 'activité physique'),
    ('sedentarite', 'sédentarité'),
    ('sante-environnementale', 'santé environnementale'),
    ('habitat-indigne', 'habitat indigne'),
    ('perinatalite', 'périnatalité'),
    ('petite-enfance', 'petite enfance'),
    ('sante-des-jeunes', 'santé des jeunes'),
    ('vieillissement', 'vieillissement'),
    ('perte-d-autonomie', 'perte d''autonomie'),
    ('handicap', 'handicap'),
    ('precarite', 'précarité'),
    ('violences-intrafamiliales', 'violences intrafamiliales'),
    ('sante-sexuelle', 'santé sexuelle'),
    ('vaccination', 'vaccination'),
    ('depistage-des-cancers', 'dépistage des cancers'),
    ('maladies-chroniques', 'maladies chroniques'),
    ('complementaire-sante', 'complémentaire santé'),
    ('attractivite-du-territoire', 'attractivité du territoire pour les professionnels'),
    ('crises-sanitaires', 'crises sanitaires'),
    ('qualite-et-pertinence-des-soins', 'qualité et pertinence des soins');

-- Ids come from sequences (by 50) so that Hibernate batches the inserts of a large import.
create sequence organisation_seq increment by 50;
create sequence scheme_seq increment by 50;
create sequence person_seq increment by 50;

create table organisation (
    id        bigint       primary key,
    name      varchar(200) not null,
    -- lowercase, no accents, punctuation as single spaces: how organisations are matched without an identifier
    name_key  varchar(200) not null,
    type      varchar(20)  not null,
    siret     varchar(14)  unique,
    finess    varchar(9)   unique,
    cog_code  varchar(9)
);
create index organisation_name_key_idx on organisation (name_key);
create unique index organisation_cog_idx on organisation (type, cog_code) where cog_code is not null;

create table scheme (
    id                      bigint       primary key,
    ref                     varchar(100) not null unique,
    name                    varchar(300) not null,
    -- the name folded (lowercase, no accents): lists sort on it whatever the database's collation
    sort_name               varchar(300) not null,
    kind                    varchar(20)  not null references scheme_kind (code),
    status                  varchar(10)  not null check (status in ('DRAFT', 'ACTIVE', 'RENEWAL', 'ENDED')),
    start_date              date,
    end_date                date check (end_date is null or start_date is null or end_date >= start_date),
    description             varchar(5000),
    website                 varchar(500),
    source                  varchar(500),
    last_verified           date,
    themes                  varchar(120)[] not null default '{}',
    -- kind-specific facts
    generation              integer check (generation between 1 and 20),
    previous_id             bigint references scheme (id),
    cpts_stage              varchar(30),
    aci_date                date,
    co_carrying_hospital_id bigint references organisation (id),
    qpv_codes               varchar(20)[] not null default '{}',
    -- self-assessment of the territorialised approach (the criteria are in scheme_assessment)
    project_step            varchar(20),
    -- the perimeter as declared, then resolved to communes (scheme_commune) with this COG year
    perimeter_communes      varchar(5)[] not null default '{}',
    perimeter_epcis         varchar(9)[] not null default '{}',
    perimeter_departments   varchar(3)[] not null default '{}',
    cog_year                integer      not null,
    population              bigint       not null,
    commune_count           integer      not null,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);
create index scheme_kind_idx on scheme (kind);
create index scheme_sort_name_idx on scheme (sort_name, id);
create index scheme_previous_idx on scheme (previous_id);

-- Every commune a scheme covers: the union of its declared communes and of the members of its declared
-- EPCI and départements. Overlaps, coverage and territory filters read this table.
create table scheme_commune (
    scheme_id    bigint     not null references scheme (id) on delete cascade,
    commune_code varchar(5) not null,
    primary key (scheme_id, commune_code)
);
create index scheme_commune_commune_idx on scheme_commune (commune_code);

-- The lists of a scheme keep the order they were given in (position).
create table scheme_partner (
    scheme_id       bigint        not null references scheme (id) on delete cascade,
    position        integer       not null,
    organisation_id bigint        not null references organisation (id),
    roles           varchar(12)[] not null,
    primary key (scheme_id, position),
    unique (scheme_id, organisation_id)
);
create index scheme_partner_organisation_idx on scheme_partner (organisation_id);

create table scheme_funding (
    scheme_id       bigint        not null references scheme (id) on delete cascade,
    position        integer       not null,
    organisation_id bigint        not null references organisation (id),
    year            integer       not null,
    amount_euros    numeric(14,2) not null check (amount_euros >= 0),
    purpose         varchar(300),
    primary key (scheme_id, position)
);
create index scheme_funding_organisation_idx on scheme_funding (organisation_id);

create table scheme_amendment (
    scheme_id bigint        not null references scheme (id) on delete cascade,
    position  integer       not null,
    signed_on date          not null,
    title     varchar(300)  not null,
    summary   varchar(2000),
    primary key (scheme_id, position)
);

create table scheme_assessment (
    scheme_id bigint        not null references scheme (id) on delete cascade,
    position  integer       not null,
    criterion varchar(20)   not null,
    score     smallint      not null check (score between 0 and 3),
    comment   varchar(2000),
    primary key (scheme_id, position),
    unique (scheme_id, criterion)
);

-- Coordinators are people: personal data. A person is kept only while coordinating a scheme.
create table person (
    id         bigint       primary key,
    first_name varchar(100) not null,
    last_name  varchar(100) not null,
    -- professional address, lowercase; one person per address
    email      varchar(254) unique
);

create table scheme_coordinator (
    scheme_id            bigint       not null references scheme (id) on delete cascade,
    position             integer      not null,
    person_id            bigint       not null references person (id),
    title                varchar(200),
    -- per scheme, like the consent: a number given for one scheme is never shown on another
    phone                varchar(30),
    employer_id          bigint       references organisation (id),
    -- consent to show name, email and phone publicly, for this scheme, with the date it was given
    public_contact       boolean      not null default false,
    public_contact_since date,
    check (public_contact = (public_contact_since is not null)),
    primary key (scheme_id, position),
    unique (scheme_id, person_id)
);
create index scheme_coordinator_person_idx on scheme_coordinator (person_id);

-- Which version of the demo data file is in the registry (loaded again only when the file changes).
create table demo_load (
    id        bigserial   primary key,
    checksum  varchar(64) not null,
    schemes   integer     not null,
    loaded_at timestamptz not null default now()
);
