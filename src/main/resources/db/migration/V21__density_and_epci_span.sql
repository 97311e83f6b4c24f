-- Where a scheme works, in two words that likeness and the density filter read: the density class most of its
-- inhabitants live in (territory.Density, from each commune's population and the area of its outline) and how its
-- territory sits among the EPCI (part of one, one whole, several). Both derive from the perimeter and are set with it;
-- the schemes written before this column are filled in at start (scheme.DensityBackfill).
alter table scheme add column density varchar(12) check (density in ('RURAL', 'INTERMEDIATE', 'URBAN'));
alter table scheme add column epci_span varchar(8) check (epci_span in ('PART', 'WHOLE', 'SEVERAL'));
create index scheme_density_idx on scheme (density);
