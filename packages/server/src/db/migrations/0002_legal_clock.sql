-- The legal clock (issue 3): each year's official holiday notice as data, and every open
-- due date in the system registered so that a calendar change can recompute it.

create table calendar_year (
  year integer primary key check (year between 1990 and 2100),
  source text,
  days jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id)
);

-- Every module that runs a statutory clock registers its due date here with the inputs that
-- produced it (rule, start date, variant, extensions, suspensions).
create table tracked_deadline (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  entity_type text not null,
  entity_id text not null,
  label text not null,
  rule_id text not null,
  rule_version integer not null,
  input jsonb not null,
  due date not null,
  open boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (entity_type, entity_id, rule_id)
);
create index tracked_deadline_open_due_idx on tracked_deadline (due) where open;
create index tracked_deadline_agency_idx on tracked_deadline (agency_id, due) where open;

-- What moved when a calendar changed, for the officers who hold the cases.
create table deadline_change (
  id bigserial primary key,
  tracked_deadline_id uuid not null references tracked_deadline (id),
  agency_id uuid not null references agency (id),
  old_due date not null,
  new_due date not null,
  reason text not null,
  at timestamptz not null default now()
);
create index deadline_change_agency_idx on deadline_change (agency_id, at);
