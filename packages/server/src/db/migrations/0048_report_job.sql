-- Consolidated reports computed as a job (issue 19; the report: docs/LAW.md §11.9–§11.10): a province's or a
-- cluster's report is computed in steps (one per contributing unit, then the totals) while the
-- page shows the progress; the row keeps the request, the progress and the result, so a page
-- reload (or another tab) finds the job. Who may read it is checked against the report's scope
-- each time it is read (modules/reports/jobs.ts), not stored here.
create table report_job (
  id uuid primary key default gen_random_uuid(),
  created_by uuid references app_user (id),
  agency_id uuid not null references agency (id),
  scope text not null check (scope in ('subtree', 'cluster')),
  group_id uuid references agency_group (id),
  form text not null,
  period_from date not null,
  period_to date not null,
  kind text not null check (kind in ('periodic', 'adhoc')),
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  done integer not null default 0 check (done >= 0),
  total integer not null default 0 check (total >= 0 and done <= total),
  step text,
  result jsonb,
  error jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  constraint report_job_cluster check ((scope = 'cluster') = (group_id is not null))
);
create index report_job_user_idx on report_job (created_by, created_at desc);
