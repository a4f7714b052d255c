-- Anti-corruption, the last pieces of issue 18 (docs/LAW.md §10.2, §10.4).
-- Runs unchanged on PostgreSQL 15+ and on PGlite.

-- The execution of the yearly rotation plan (Điều 25 Luật PCTN 2018; Điều 36–39 Nghị định
-- 59/2019): one row per official put in a year's plan, dated when the plan that lists him was
-- approved, then closed once by the event that ends it — rotated (which decision, decided and
-- executed on which day, from which position to which), exempted (the day and the reason) or
-- deferred (the deferral record with its ground, evidence and end). The 01/PCTN figures count
-- these rows by the date of each event.
create table ac_rotation (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  official_id uuid not null references ac_official (id) on delete cascade,
  year smallint not null,
  planned_on date not null,
  plan_reference text,
  from_position_id uuid not null references ac_position (id),
  outcome text not null default 'planned' check (outcome in ('planned', 'done', 'exempted', 'deferred')),
  -- The day of the event that closed the row: executed (done), decided (exempted), deferral start.
  outcome_on date,
  to_position_id uuid references ac_position (id),
  decision_number text,
  decided_on date,
  reason text,
  deferral_id uuid references ac_rotation_deferral (id),
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (official_id, year),
  constraint ac_rotation_outcome_dated check ((outcome = 'planned') = (outcome_on is null)),
  constraint ac_rotation_done_complete check (
    outcome <> 'done' or (to_position_id is not null and decision_number is not null and decided_on is not null)
  ),
  constraint ac_rotation_deferred_linked check (outcome <> 'deferred' or deferral_id is not null)
);
create index ac_rotation_agency_idx on ac_rotation (agency_id, year);
create index ac_rotation_planned_idx on ac_rotation (planned_on);
create index ac_rotation_outcome_idx on ac_rotation (outcome_on);

-- An official's own contact, for the declaration reminders when he has no user account (or one
-- without an e-mail address).
alter table ac_official add column email text;
alter table ac_official add column phone text;

-- The reminder digest of an official reached by his own e-mail address (no user, or a user
-- without one): one row per official and Vietnamese day, as reminder_mail is per user.
create table ac_official_reminder (
  official_id uuid not null references ac_official (id) on delete cascade,
  sent_on date not null,
  status text not null check (status in ('sending', 'sent', 'failed')),
  obligation_ids uuid[] not null default '{}',
  attempts integer not null default 1,
  error text,
  message_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (official_id, sent_on)
);
