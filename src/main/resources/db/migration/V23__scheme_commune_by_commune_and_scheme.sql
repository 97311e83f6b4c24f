-- The figures of a territory (the kind x kind matrix of a région above all) read the (scheme, commune) rows of its
-- communes. With the scheme beside the commune in the index they are read from the index alone: at 99,000 schemes a
-- région's 200,000 rows were as many heap fetches, the largest part of computing its matrix once overlaps were counted
-- between shapes (Overlaps.computeMatrix). The index on the commune alone is this one's prefix: replaced.
create index scheme_commune_commune_scheme_idx on scheme_commune (commune_code, scheme_id);
drop index scheme_commune_commune_idx;
