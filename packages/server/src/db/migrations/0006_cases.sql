-- Complaint and denunciation resolution (issue 5): the case opened from an accepted petition,
-- who is assigned to it, its timeline, requests to see a denouncer's identity, and the sealing
-- of petitioners' identities (the keys are outside the database: platform/vault.ts).

-- Writers' identities are sealed: `sealed` holds the whole party (AES-256-GCM, bound to the row
-- id) and `data` only what is not identifying ({kind}). Rows written before this migration are
-- sealed by the server at start (it has the keys; SQL does not).
alter table petition_party add column sealed text;
create index petition_party_unsealed_idx on petition_party (petition_id) where role = 'petitioner' and sealed is null;

create table resolution_case (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  petition_id uuid not null unique references petition (id),
  matter_id uuid references matter (id),
  code text not null unique,
  kind text not null check (kind in ('complaint', 'denunciation')),
  instance smallint check (instance in (1, 2)),
  state text not null,
  -- The facts the case rules read (domain CaseFacts), kept whole.
  facts jsonb not null,
  received_on date not null,
  accepted_on date,
  due_on date,
  due_rule text,
  outcome text,
  -- Who holds the case now (the lead resolver), for lists and the leader's dashboard.
  holder_id uuid references app_user (id),
  first_case_id uuid references resolution_case (id),
  repeated_of_id uuid references resolution_case (id),
  -- What lists and searches show: never the denouncer (petition.petitioner_display is masked).
  title text not null,
  respondent_display text not null default '',
  search_text text not null default '',
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index resolution_case_agency_due_idx on resolution_case (agency_id, due_on, id);
create index resolution_case_agency_state_idx on resolution_case (agency_id, state, due_on);
create index resolution_case_holder_idx on resolution_case (holder_id, due_on);
create index resolution_case_search_trgm_idx on resolution_case using gin (search_text gin_trgm_ops);

create table case_assignment (
  case_id uuid not null references resolution_case (id) on delete cascade,
  user_id uuid not null references app_user (id),
  role text not null check (role in ('lead', 'member')),
  assigned_by uuid references app_user (id),
  assigned_at timestamptz not null default now(),
  primary key (case_id, user_id)
);
create index case_assignment_user_idx on case_assignment (user_id);

create table case_event (
  id bigserial primary key,
  case_id uuid not null references resolution_case (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  action text not null,
  from_state text,
  to_state text,
  data jsonb not null default '{}'::jsonb,
  document_id uuid
);
create index case_event_case_idx on case_event (case_id, id);

-- A request by someone not assigned to see a denouncer's identity, for one case; a leader with
-- case.approve_reveal decides. An approval is valid for a limited time.
create table identity_request (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references resolution_case (id) on delete cascade,
  agency_id uuid not null references agency (id),
  requested_by uuid not null references app_user (id),
  reason text not null,
  status text not null check (status in ('pending', 'approved', 'refused')),
  decided_by uuid references app_user (id),
  decided_at timestamptz,
  decision_note text,
  expires_at timestamptz,
  created_at timestamptz not null default now()
);
create index identity_request_case_idx on identity_request (case_id, requested_by);
create index identity_request_pending_idx on identity_request (agency_id) where status = 'pending';
