-- The records behind a sent report's figures (docs/LAW.md §11.7, "submitted reports are locked
-- snapshots"): when a computed report is saved, the records each of its indicators counted are
-- kept with it, row by row, so that drilling down a frozen figure lists the records it counted
-- then, not the records that match today. `amount` is what the record added to a sum (money,
-- people, land), null for a count. A report saved before this table existed has
-- `records_frozen` false: its drill-down can only show today's records, and says so.
create table report_submission_record (
  submission_id uuid not null references report_submission (id) on delete cascade,
  indicator text not null,
  -- The report's row: the agency code of a consolidated report's unit, or 'tong' for a unit's own.
  row_key text not null,
  -- A uuid as text (a manual cell's id is its agency and cell, sources.ts).
  record_id text not null,
  amount numeric,
  primary key (submission_id, indicator, row_key, record_id)
);
alter table report_submission add column records_frozen boolean not null default false;
