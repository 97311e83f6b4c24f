-- The validators of public reads (ETag and Last-Modified, api.RegistryState) ask for the registry's latest revision
-- and latest change time on every request. The revision was indexed, the time was not: at 99,000 schemes that read
-- scanned the whole table, 45 ms added to every validated read. With these indexes both maxima are one index lookup.
create index scheme_updated_at_idx on scheme (updated_at);
create index scheme_deletion_deleted_at_idx on scheme_deletion (deleted_at);
