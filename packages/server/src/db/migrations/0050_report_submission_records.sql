-- The records behind a sent report's figures (docs/LAW.md §11.7, "submitted reports are locked
-- snapshots"): when a computed report is saved, each record its indicators counted is kept with
-- it, once, with the report's row it belongs to, the indicators that counted it and what it added
-- to each sum (money, people or land), so that drilling down a frozen figure
-- lists the records it counted then, not the records that match today. One row per record, not
-- per record and indicator: a petition is counted by a dozen figures of 02/XLD. A report saved
-- before this table existed has `records_frozen` false: its drill-down can only show today's
-- records, and says so.
create table report_submission_record (
  submission_id uuid not null references report_submission (id) on delete cascade,
  -- The report's row: the agency code of a consolidated report's unit, or 'tong' for a unit's own.
  row_key text not null,
  -- A uuid as text (a manual cell's id is its agency, form, period and cell, sources.ts).
  record_id text not null,
  indicators text[] not null,
  -- What it added to each sum that counted it, by indicator (null when only counts did).
  amounts jsonb,
  primary key (submission_id, row_key, record_id)
);
alter table report_submission add column records_frozen boolean not null default false;
