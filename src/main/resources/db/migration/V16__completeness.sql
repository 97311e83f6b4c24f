-- An ARS officer's (or an admin's) word that the registry lists every scheme of a kind in a région, as of a date: the
-- coverage figures, white zones and maps of that région and kind are then the région's, not only the registry's.
-- A declaration moves the registry's version (V8, figures are computed again) and takes a revision (V11, the
-- validators of cached answers move), as a write of a scheme does.
create table completeness (
    region      varchar(3)    not null,
    kind        varchar(20)   not null references scheme_kind (code),
    complete    boolean       not null,
    as_of       date          not null,
    note        varchar(2000),
    declared_by bigint        references account (id) on delete set null,
    declared_at timestamptz   not null,
    revision    bigint        not null,
    primary key (region, kind)
);

create function completeness_declared() returns trigger
language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('scheme_write'));
    perform registry_changed();
    new.revision := nextval('scheme_revision_seq');
    return new;
end $$;
create trigger completeness_declared before insert or update on completeness for each row execute function completeness_declared();
-- The registry's state is read before every validated answer (api.RegistryState): both maxima from an index.
create index completeness_revision_idx on completeness (revision);
create index completeness_declared_at_idx on completeness (declared_at);
