-- An organisation's public contacts (its website, a generic address, a switchboard, its postal address): whom to call
-- about a scheme when no coordinator consented to be shown. Not personal data; people's contacts stay behind consent.
alter table organisation add column website varchar(500);
alter table organisation add column email varchar(254);
alter table organisation add column phone varchar(30);
alter table organisation add column address varchar(500);
