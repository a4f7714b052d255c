-- Citizen reception (tiếp công dân, docs/LAW.md §3): the visits written in the reception register
-- (Sổ tiếp công dân, Mẫu số 03 Thông tư 04/2021/TT-TTCP), the register's yearly numbering and the
-- heads' reception schedule (lịch tiếp công dân của người đứng đầu), which must be posted publicly.
-- Runs unchanged on PostgreSQL 15+ and on PGlite (PostgreSQL 18). Needs 0004 (petition).

-- Running number of the register per agency and calendar year, taken by
-- `update … set next_seq = next_seq + 1` inside the recording transaction: concurrent visits queue
-- on the row and a rolled-back visit gives its number back.
create table reception_register (
  agency_id uuid not null references agency (id),
  year integer not null check (year between 1990 and 2100),
  next_seq integer not null default 1 check (next_seq >= 1),
  primary key (agency_id, year)
);

create table reception_visit (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  -- Column 1 of the register: number in the agency's register of `register_year`.
  register_year integer not null check (register_year between 1990 and 2100),
  seq_no integer not null check (seq_no >= 1),
  received_on date not null,
  -- The time of the visit when known (null when a past visit is entered without its time).
  received_at timestamptz,
  kind text not null check (kind in ('regular', 'periodic', 'ad_hoc')),
  receiver_name text not null,
  receiver_id uuid references app_user (id),
  -- Periodic and ad hoc reception: the head (or the deputy authorised) who presides.
  presiding_head text,
  people_count integer not null check (people_count >= 1),
  -- "Đoàn đông người" by the threshold in force when the visit was recorded (default 5).
  is_crowd boolean not null,
  representatives jsonb not null default '[]'::jsonb,
  written_appointment boolean,
  -- Identity data of the people who came. A denouncer's identity is confidential (Điều 9 Luật Tố
  -- cáo 2018): lists and the register mask it for anyone without reception.write on the agency.
  visitors jsonb not null,
  content_summary text not null default '',
  content_kind text check (content_kind in ('complaint', 'denunciation', 'recommendation', 'feedback', 'multi_content')),
  field_code text,
  competence text check (competence in ('within', 'not_within')),
  previous_resolver text,
  documents_received jsonb not null default '[]'::jsonb,
  -- Columns 8–10 of the register and the refusal (Điều 9 Luật Tiếp công dân), kept whole;
  -- handling_route repeats the route for filtering.
  handling jsonb,
  handling_route text check (handling_route in ('accepted', 'returned_guided', 'transferred', 'refused')),
  petition_id uuid references petition (id),
  state text not null default 'OPEN' check (state in ('OPEN', 'HANDLED', 'FOLLOWED_UP')),
  follow_up text,
  notes text,
  -- Accent-free, lower-case names, papers, content and resolver (one trigram index for search);
  -- search_content holds the content alone, so a search by name cannot reveal who denounced.
  search_text text not null,
  search_content text not null,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, register_year, seq_no),
  constraint reception_visit_handled_has_route check ((state = 'OPEN') = (handling_route is null))
);
create index reception_visit_agency_received_idx on reception_visit (agency_id, received_on desc, seq_no desc);
create index reception_visit_agency_state_idx on reception_visit (agency_id, state, received_on desc);
create index reception_visit_search_trgm_idx on reception_visit using gin (search_text gin_trgm_ops);
create index reception_visit_petition_idx on reception_visit (petition_id) where petition_id is not null;

-- The heads' reception schedule. Published entries are shown on the public page and the iCal feed
-- (published_at stays set when a published entry is later held or cancelled, so the public sees
-- the cancellation).
create table reception_schedule (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  leader_name text not null,
  leader_title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text not null,
  kind text not null check (kind in ('periodic', 'ad_hoc')),
  note text,
  status text not null default 'draft' check (status in ('draft', 'published', 'held', 'cancelled')),
  published_at timestamptz,
  -- The notice of conclusions (thông báo kết luận tiếp công dân, form TCD-KL).
  conclusion_document_id uuid references official_document (id),
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reception_schedule_ends_after_start check (ends_at > starts_at)
);
create index reception_schedule_agency_starts_idx on reception_schedule (agency_id, starts_at);
create index reception_schedule_public_idx on reception_schedule (agency_id, starts_at) where published_at is not null;
