-- Yearly inspection and specialised-check plans (issue 17, docs/LAW.md §8.6, §9): one plan per
-- agency and year, its versions (the plan as first issued, then each adjustment with its reason
-- and its own decision), its items with their subjects, the log of overlap resolutions between
-- agencies, and the imports (subject lists, the State Audit's plan) with their row reports.

-- An import of subjects from Excel/CSV: the report of refused rows stays downloadable.
create table inspection_subject_import (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  file_name text not null,
  rows integer not null,
  created integer not null,
  existing integer not null,
  refused jsonb not null default '[]',
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

create table inspection_plan (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year smallint not null check (year between 2000 and 2200),
  title text not null,
  status text not null default 'draft' check (status in ('draft', 'issued', 'adjusting')),
  -- The current version: 0 the plan as first issued, 1… its adjustments.
  revision integer not null default 0,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, year)
);
create index inspection_plan_year_idx on inspection_plan (year);

create table inspection_plan_version (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references inspection_plan (id),
  revision integer not null,
  status text not null default 'draft' check (status in ('draft', 'issued', 'superseded')),
  -- Why the plan was adjusted (null for the first version).
  reason text,
  document_id uuid references official_document (id),
  decision_symbol text,
  issued_on date,
  -- The items as the decision issued them (the earlier versions stay readable as they were).
  items jsonb,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (plan_id, revision)
);

create table inspection_plan_item (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references inspection_plan (id),
  seq integer not null,
  activity text not null check (activity in ('inspection', 'check')),
  kind text not null check (kind in ('planned', 'standby')),
  content text not null,
  field text,
  period_from date,
  period_to date,
  quarter smallint check (quarter between 1 and 4),
  month_from smallint check (month_from between 1 and 12),
  month_to smallint check (month_to between 1 and 12),
  leading_unit text,
  note text,
  added_in_revision integer not null default 0,
  cancelled boolean not null default false,
  cancel_reason text,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, seq)
);

create table inspection_plan_item_subject (
  item_id uuid not null references inspection_plan_item (id),
  subject_id uuid not null references inspection_subject (id),
  primary key (item_id, subject_id)
);
create index inspection_plan_item_subject_subject_idx on inspection_plan_item_subject (subject_id);

-- How an overlap was settled: by the agency of `agency_id` (the plan on whose behalf), against
-- the other side's occurrence (its source and id). Shown to both agencies.
create table inspection_overlap_resolution (
  id uuid primary key default gen_random_uuid(),
  year smallint not null,
  subject_id uuid not null references inspection_subject (id),
  agency_id uuid not null references agency (id),
  plan_id uuid references inspection_plan (id),
  other_source text not null check (other_source in ('plan_item', 'inspection', 'state_audit_plan')),
  other_source_id uuid not null,
  other_agency_id uuid not null references agency (id),
  outcome text not null check (outcome in ('merge', 'postpone', 'cancel', 'keep')),
  reason text,
  decided_by uuid references app_user (id),
  decided_by_name text,
  created_at timestamptz not null default now()
);
create index inspection_overlap_resolution_key_idx
  on inspection_overlap_resolution (subject_id, year, other_source_id);
create index inspection_overlap_resolution_year_idx on inspection_overlap_resolution (year);

-- An imported State Audit (Kiểm toán nhà nước) plan of a year: its rows become occurrences with
-- source 'state_audit_plan' and this import's id.
create table state_audit_import (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year smallint not null,
  file_name text not null,
  rows integer not null,
  refused jsonb not null default '[]',
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

-- The province's board counts the subjects of a year with more than one occurrence.
create index inspection_occurrence_year_subject_idx on inspection_occurrence (year, subject_id) where not cancelled;
