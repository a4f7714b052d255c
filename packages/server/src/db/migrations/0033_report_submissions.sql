-- Periodic reports sent up the hierarchy (docs/LAW.md §11.3): one row per revision of a unit's
-- report (agency, form, period). The computed result is frozen in `snapshot` when the revision is
-- saved and never recomputed after it is submitted; a correction of a submitted or accepted report
-- is a new revision with its reason, the earlier one stays. Accepting locks a revision.
create table report_submission (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  form text not null,
  period_from date not null,
  period_to date not null,
  subtree boolean not null default false,
  kind text not null default 'periodic' check (kind in ('periodic', 'adhoc')),
  revision integer not null check (revision >= 1),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
  snapshot jsonb not null,
  correction_reason text,
  return_reason text,
  drafted_by uuid references app_user (id),
  drafted_by_name text,
  drafted_at timestamptz not null default now(),
  submitted_by uuid references app_user (id),
  submitted_by_name text,
  submitted_at timestamptz,
  returned_by uuid references app_user (id),
  returned_by_name text,
  returned_at timestamptz,
  accepted_by uuid references app_user (id),
  accepted_by_name text,
  accepted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint report_submission_period check (period_from <= period_to),
  constraint report_submission_revision_unique unique (agency_id, form, period_from, period_to, revision),
  constraint report_submission_correction_reason check (revision = 1 or correction_reason is not null),
  constraint report_submission_returned_reason check (status <> 'returned' or return_reason is not null),
  constraint report_submission_accepted_complete check (status <> 'accepted' or accepted_at is not null)
);
create index report_submission_agency_idx on report_submission (agency_id, period_from desc);
