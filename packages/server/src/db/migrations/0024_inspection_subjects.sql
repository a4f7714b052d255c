-- The subjects of inspections and specialised checks (issue 17): enterprises and business
-- households by tax code, state bodies (those of this installation by reference, others by
-- name) and individuals. One registry for the whole installation, so that the overlap check
-- (Chỉ thị 20/CT-TTg, Nghị quyết 198/2025/QH15: once a year per subject) sees every agency's plans.
create table inspection_subject (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('enterprise', 'household', 'state_body', 'individual')),
  -- Mã số doanh nghiệp / mã số thuế, digits and the branch dash only (domain checks its form).
  tax_code text,
  name text not null,
  address text,
  -- A state body that is an agency of this installation.
  agency_id uuid references agency (id),
  -- Who entered it (scope of who may edit it; every agency may read the registry).
  registered_by_agency_id uuid not null references agency (id),
  -- A duplicate merged into another keeps its row and its history; lookups follow the link.
  merged_into_id uuid references inspection_subject (id),
  search_text text not null default '',
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inspection_subject_not_self check (merged_into_id is null or merged_into_id <> id)
);
create unique index inspection_subject_tax_code_key on inspection_subject (tax_code)
  where tax_code is not null and merged_into_id is null;
create unique index inspection_subject_agency_key on inspection_subject (agency_id)
  where agency_id is not null and merged_into_id is null;
create index inspection_subject_merged_idx on inspection_subject (merged_into_id) where merged_into_id is not null;
create index inspection_subject_search_trgm_idx on inspection_subject using gin (search_text gin_trgm_ops);

-- Every planned or decided inspection or check of a subject in a calendar year, whatever wrote
-- it: a yearly plan's item, an inspection decided outside the plan, an imported State Audit plan.
-- The overlap check (modules/inspections/overlaps.ts) reads this one table, so a plan item of one
-- agency meets another agency's ad hoc inspection. A merged subject's rows move to the survivor.
create table inspection_occurrence (
  id uuid primary key default gen_random_uuid(),
  subject_id uuid not null references inspection_subject (id),
  year smallint not null check (year between 2000 and 2200),
  activity text not null check (activity in ('inspection', 'check', 'state_audit')),
  source text not null check (source in ('plan_item', 'inspection', 'state_audit_plan')),
  source_id uuid not null,
  -- The body that runs it (for a State Audit plan: the agency that imported it).
  agency_id uuid not null references agency (id),
  -- The state-management content (lĩnh vực), to find one content inspected and checked in a year.
  content_field text,
  ad_hoc boolean not null default false,
  -- Cancelled or postponed out of the year: kept for history, no longer an overlap.
  cancelled boolean not null default false,
  created_at timestamptz not null default now(),
  unique (source, source_id, subject_id)
);
create index inspection_occurrence_subject_year_idx on inspection_occurrence (subject_id, year) where not cancelled;
create index inspection_occurrence_year_agency_idx on inspection_occurrence (year, agency_id);
