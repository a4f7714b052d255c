-- One inspection or specialised check from its decision to its conclusion (issue 17; docs/LAW.md
-- §8): the record with its kind and trigger, its subjects (from the registry of 0024), its team,
-- its timeline, its findings per subject (violations, administrative sanctions) and the
-- recommendations of its conclusion, each followed across years until done or closed (recoveries,
-- urging letters, follow-up checks). Money in whole đồng (bigint), land in m².
create table inspection (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  code text not null unique,
  -- The calendar year of the decision (the year its occurrences count in).
  year smallint not null check (year between 2000 and 2200),
  kind text not null check (kind in ('planned', 'ad_hoc', 're_inspection', 'specialised_check')),
  -- What set an ad hoc one off: a sign of violation, an assignment by a superior, a case of this system.
  trigger text check (trigger in ('violation_sign', 'superior', 'case')),
  trigger_case_id uuid references resolution_case (id),
  trigger_note text,
  reinspects_id uuid references inspection (id),
  reinspection_ground text,
  -- The yearly plan's item it carries out (the plan table arrives in another migration).
  plan_item_id uuid,
  online boolean not null default false,
  title text not null,
  content text not null,
  content_field text,
  period_covered text,
  -- Dấu hiệu vi phạm rõ ràng (Chỉ thị 20/CT-TTg): required for an ad hoc decision over an overlap.
  violation_sign text,
  -- The level of the body (configuration of durations: central, province, department).
  body_level text not null check (body_level in ('central', 'province', 'department')),
  state text not null,
  facts jsonb not null,
  decision_number text,
  decided_on date,
  signed_on date,
  conclusion_number text,
  -- The next step's due date (lists, dashboard), and the rule it comes from.
  due_on date,
  due_rule text,
  subject_display text not null default '',
  search_text text not null default '',
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inspection_not_self check (reinspects_id is null or reinspects_id <> id)
);
create index inspection_agency_year_idx on inspection (agency_id, year);
create index inspection_state_idx on inspection (state);

-- The subjects an inspection examines (one or more), in their order in the decision.
create table inspection_target (
  inspection_id uuid not null references inspection (id) on delete cascade,
  subject_id uuid not null references inspection_subject (id),
  position smallint not null,
  primary key (inspection_id, subject_id)
);
create index inspection_target_subject_idx on inspection_target (subject_id);

-- The team of the decision: its leader, its members and the supervisor, each with the declared
-- conflict of interest (xung đột lợi ích) answer.
create table inspection_member (
  inspection_id uuid not null references inspection (id) on delete cascade,
  user_id uuid not null references app_user (id),
  role text not null check (role in ('leader', 'member', 'supervisor')),
  conflict_declared boolean not null default false,
  conflict_note text,
  primary key (inspection_id, user_id)
);
create index inspection_member_user_idx on inspection_member (user_id);

create table inspection_event (
  id bigserial primary key,
  inspection_id uuid not null references inspection (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  action text not null,
  from_state text,
  to_state text,
  data jsonb not null default '{}'::jsonb,
  document_id uuid
);
create index inspection_event_owner_idx on inspection_event (inspection_id, id);

-- Violations found, per subject.
create table inspection_violation (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspection (id) on delete cascade,
  subject_id uuid not null references inspection_subject (id),
  kind text not null,
  description text not null,
  money bigint not null default 0 check (money >= 0),
  land_m2 numeric(18, 2) not null default 0 check (land_m2 >= 0),
  created_at timestamptz not null default now()
);
create index inspection_violation_owner_idx on inspection_violation (inspection_id);

-- Administrative sanction decisions (quyết định xử phạt vi phạm hành chính), per subject.
create table inspection_sanction (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspection (id) on delete cascade,
  subject_id uuid not null references inspection_subject (id),
  number text not null,
  issued_on date not null,
  target_kind text not null check (target_kind in ('organisation', 'individual')),
  target_name text not null,
  fine bigint not null check (fine >= 0),
  additional_measures text,
  paid boolean not null default false,
  paid_on date,
  created_at timestamptz not null default now()
);
create index inspection_sanction_owner_idx on inspection_sanction (inspection_id);

-- The recommendations (kiến nghị) of a conclusion, itemised by type, each followed until done or
-- closed by decision. The agency, the conclusion's date and the recovered totals are kept here so
-- that the follow-up list (200.000 rows) filters and sorts on one table.
create table inspection_recommendation (
  id uuid primary key default gen_random_uuid(),
  inspection_id uuid not null references inspection (id) on delete cascade,
  agency_id uuid not null references agency (id),
  subject_id uuid references inspection_subject (id),
  position smallint not null,
  type text not null check (
    type in ('recover_money', 'recover_land', 'other_economic', 'discipline', 'investigation', 'policy')
  ),
  content text not null,
  -- Money recommended (recover_money, other_economic), đồng; land (recover_land), m².
  amount bigint not null default 0 check (amount >= 0),
  land_m2 numeric(18, 2) not null default 0 check (land_m2 >= 0),
  collectives integer not null default 0 check (collectives >= 0),
  individuals integer not null default 0 check (individuals >= 0),
  -- Named individuals (discipline) or persons (investigation), and the matters transferred.
  persons jsonb not null default '[]'::jsonb,
  matters integer not null default 0 check (matters >= 0),
  responsible_unit text not null,
  due_on date,
  -- The due date for sorting and ranges: no due date sorts last (the list's indexes use it).
  due_key date generated always as (coalesce(due_on, date '9999-12-31')) stored,
  -- Set when the conclusion is signed: the period the recommendation counts in.
  concluded_on date,
  recovered bigint not null default 0 check (recovered >= 0),
  land_recovered numeric(18, 2) not null default 0 check (land_recovered >= 0),
  outstanding bigint generated always as (amount - recovered) stored,
  -- Done (a recommendation without an amount is done when recorded so).
  done_on date,
  last_progress_on date,
  urged integer not null default 0,
  -- Closed by decision (miễn, không còn đối tượng …): its decision and reason.
  closed_on date,
  closed_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint inspection_recommendation_not_over check (recovered <= amount)
);
create index inspection_recommendation_owner_idx on inspection_recommendation (inspection_id, position);
-- The follow-up list (200.000 rows, p95 < 50 ms): each sort of one agency walks its index in
-- order and stops at the page; a subtree scope walks the installation-wide one.
create index inspection_recommendation_agency_idx on inspection_recommendation (agency_id, concluded_on)
  include (amount, closed_on);
create index inspection_recommendation_list_due_idx on inspection_recommendation (agency_id, due_key, id)
  where concluded_on is not null;
create index inspection_recommendation_list_due_all_idx on inspection_recommendation (due_key, id)
  where concluded_on is not null;
create index inspection_recommendation_outstanding_idx on inspection_recommendation (agency_id, outstanding, id)
  where concluded_on is not null;
create index inspection_recommendation_open_due_idx on inspection_recommendation (agency_id, due_key, id)
  where concluded_on is not null and closed_on is null and done_on is null;
create index inspection_recommendation_open_due_all_idx on inspection_recommendation (due_key, id)
  where concluded_on is not null and closed_on is null and done_on is null;

-- Each progress entry on a recommendation: a recovery (money, land) with its date and evidence, or
-- the record that a recommendation without an amount was carried out.
create table inspection_recovery (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references inspection_recommendation (id) on delete cascade,
  agency_id uuid not null references agency (id),
  recovered_on date not null,
  amount bigint not null default 0 check (amount >= 0),
  land_m2 numeric(18, 2) not null default 0 check (land_m2 >= 0),
  note text,
  evidence text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index inspection_recovery_rec_idx on inspection_recovery (recommendation_id, recovered_on);
create index inspection_recovery_period_idx on inspection_recovery (agency_id, recovered_on);

-- Urging letters (đôn đốc) and direct follow-up checks (kiểm tra việc thực hiện kết luận).
create table inspection_follow_up (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references inspection_recommendation (id) on delete cascade,
  kind text not null check (kind in ('urge', 'check')),
  on_date date not null,
  note text,
  document_id uuid references official_document (id),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index inspection_follow_up_rec_idx on inspection_follow_up (recommendation_id, on_date);
