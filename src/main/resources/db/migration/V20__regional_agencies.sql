-- The ARS of each région (agence régionale de santé): whom to call where no scheme works. An organisation like any other
-- (schemes name it as partner or funder, its public contacts are the organisation's), marked with the région it serves.
-- Seeded at start from data/ars/ars.csv when absent; an admin edits it through PUT /api/v1/agencies/{region}.
alter table organisation add column agency_region varchar(3);
create unique index organisation_agency_region_idx on organisation (agency_region) where agency_region is not null;
