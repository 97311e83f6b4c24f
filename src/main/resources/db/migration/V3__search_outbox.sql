-- Hibernate Search's outbox-polling coordination (hibernate-search-mapper-orm-outbox-polling 8.2):
-- every write to an indexed entity adds an event here in the same transaction; the event processor
-- agents (hsearch_agent) index them asynchronously. DDL as Hibernate ORM generates it for these entities.
create table hsearch_agent (
    id                   uuid                     not null primary key,
    type                 varchar(255)             not null
        check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name                 varchar(255)             not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255)             not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count    integer,
    assigned_shard_index integer,
    tenant_id            varchar(255),
    payload              bytea
);

create table hsearch_outbox_event (
    id             uuid                     not null primary key,
    entity_name    varchar(256)             not null,
    entity_id      varchar(256)             not null,
    entity_id_hash integer                  not null,
    payload        bytea                    not null,
    retries        integer                  not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255)             not null check (status in ('PENDING', 'ABORTED')),
    tenant_id      varchar(255)
);
create index processAfter on hsearch_outbox_event (process_after);
