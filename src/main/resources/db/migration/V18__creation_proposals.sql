-- A coordinator may propose a new scheme: its proposal names no scheme until an ARS officer (or an admin) approves it,
-- which creates the scheme and links the proposal to it.
alter table scheme_change alter column scheme_id drop not null;
