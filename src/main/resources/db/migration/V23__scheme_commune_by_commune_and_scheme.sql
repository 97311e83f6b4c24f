-- The figures of a territory (the kind x kind matrix of a région above all) read the (scheme, commune) rows of its
-- communes: with the scheme beside the commune in the index they are read from the index alone, without a visit to the
-- table for each row. The index on the commune alone is this one's prefix: replaced.
create index scheme_commune_commune_scheme_idx on scheme_commune (commune_code, scheme_id);
drop index scheme_commune_commune_idx;
