-- A coordinator is one person across the schemes they coordinate. The audit trail names them by id only (GDPR), so a
-- change of their name shows in the trail of each of those schemes as this number moving on.
alter table person add column revision integer not null default 1;
