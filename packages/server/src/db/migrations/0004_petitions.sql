-- Petition handling (issue 4): the intake register, petitions with their parties, matters
-- (vụ việc) that join duplicates, the timeline, attachments and the field catalogue.

create table field_catalog (
  code text primary key,
  name text not null,
  field_group text not null,
  report_group text not null,
  active boolean not null default true,
  sort integer not null default 0
);

-- A matter groups the petitions confirmed to be about the same thing, so reports count
-- "07 đơn/07 vụ việc" separately.
create table matter (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  created_at timestamptz not null default now()
);
create index matter_agency_idx on matter (agency_id);

-- Yearly intake numbering per agency (số vào sổ), taken inside the intake transaction.
create table petition_register (
  agency_id uuid not null references agency (id),
  year integer not null,
  next_seq integer not null default 1,
  primary key (agency_id, year)
);

create table petition (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  code text not null unique,
  seq_no integer not null,
  received_on date not null,
  written_on date,
  channel text not null,
  visit_id uuid,
  forwarded_by jsonb,
  -- Set when another agency of this installation transferred the petition here.
  transferred_from_id uuid references petition (id),
  anonymous boolean not null default false,
  impersonated boolean not null default false,
  title text,
  summary text,
  content text not null,
  language text not null default 'vi',
  field_code text references field_catalog (code),
  kind text,
  competence text,
  eligible boolean,
  state text not null,
  outcome text,
  outcome_on date,
  -- The facts the handling rules read (domain PetitionFacts), kept whole.
  facts jsonb not null,
  matter_id uuid not null references matter (id),
  -- What lists show instead of reading the parties: for denunciations, a mask.
  petitioner_display text not null,
  respondent_display text not null default '',
  signer_count integer not null default 0,
  -- Search, accent-free and lower-case: the short `search_names` (writers unless a
  -- denunciation, respondents, codes, document numbers) takes substring and typo-tolerant
  -- trigram matching; the long `search_text` (those plus the content) takes full-text search.
  search_names text not null default '',
  search_text text not null,
  search_tsv tsvector generated always as (to_tsvector('simple'::regconfig, search_text)) stored,
  -- Duplicate detection: identity keys of the writers and respondents, and the content's
  -- 64-bit simhash cut into four 16-bit bands; near-identical wording (≤ 3 bits apart) shares
  -- at least one band, so one indexed array overlap finds it.
  person_keys text[] not null default '{}',
  respondent_keys text[] not null default '{}',
  content_simhash text,
  content_bands text[] not null default '{}',
  due_on date,
  retention_until date,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, received_on, seq_no)
);
create index petition_agency_received_idx on petition (agency_id, received_on desc, id desc);
create index petition_agency_state_idx on petition (agency_id, state, received_on desc);
create index petition_agency_due_idx on petition (agency_id, due_on) where due_on is not null;
create index petition_search_names_trgm_idx on petition using gin (search_names gin_trgm_ops);
create index petition_search_tsv_idx on petition using gin (search_tsv);
create index petition_content_bands_idx on petition using gin (content_bands);
create index petition_person_keys_idx on petition using gin (person_keys);
create index petition_respondent_keys_idx on petition using gin (respondent_keys);
create index petition_matter_idx on petition (matter_id);
create index petition_transferred_from_idx on petition (transferred_from_id);

-- The words that occur in petitions' names and codes: a mistyped word of a search is corrected
-- to the nearest known word (trigram similarity over this small table) before the search runs.
create table search_word (
  word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

create table petition_party (
  id uuid primary key default gen_random_uuid(),
  petition_id uuid not null references petition (id) on delete cascade,
  role text not null check (role in ('petitioner', 'respondent')),
  ord integer not null,
  data jsonb not null
);
create index petition_party_petition_idx on petition_party (petition_id);

create table petition_event (
  id bigserial primary key,
  petition_id uuid not null references petition (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  action text not null,
  from_state text,
  to_state text,
  data jsonb not null default '{}'::jsonb,
  document_id uuid
);
create index petition_event_petition_idx on petition_event (petition_id, id);

-- Files attached to any record. Bytes live in the storage folder (or S3 later), named by id.
create table attachment (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  entity_type text not null,
  entity_id text not null,
  file_name text not null,
  mime_type text not null,
  size bigint not null,
  sha256 text not null,
  description text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index attachment_entity_idx on attachment (entity_type, entity_id);
