-- Anti-corruption work (issue 18, docs/LAW.md §10): the position catalogue, officials as records
-- of their agency with their position history, the yearly asset-declaration campaign, the
-- declarations (content sealed by the key ring like denouncers' identities), the verification
-- plan and its reproducible lottery.

-- Positions and titles: whether they declare yearly, whether they are rotated. Built-in entries
-- (agency_id null) are seeded from the domain's catalogue; an agency adds its own.
create table ac_position (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid references agency (id),
  code text not null,
  name text not null,
  kind text not null check (kind in ('position', 'title')),
  declares_annually boolean not null,
  declaration_basis text not null,
  rotation boolean not null default false,
  sector text,
  rotation_months smallint check (rotation_months between 24 and 60),
  rotation_basis text,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index ac_position_code_key on ac_position (code);

-- An official (cán bộ, công chức, viên chức, manager of a state enterprise) is a record of the
-- agency that controls his assets (agency_id: the scope of who may see him), working in a unit of
-- it (unit_agency_id), a user of the system or not (user_id: the declarant's own access).
create table ac_official (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  unit_agency_id uuid not null references agency (id),
  code text not null,
  full_name text not null,
  search_text text not null default '',
  birth_date date,
  rank text,
  expected_retirement date,
  user_id uuid references app_user (id),
  declared_before boolean not null default false,
  verified_years smallint[] not null default '{}',
  left_on date,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, code)
);
create unique index ac_official_user_key on ac_official (user_id) where user_id is not null;
create index ac_official_unit_idx on ac_official (agency_id, unit_agency_id);
create index ac_official_search_trgm_idx on ac_official using gin (search_text gin_trgm_ops);

create table ac_official_position (
  id uuid primary key default gen_random_uuid(),
  official_id uuid not null references ac_official (id) on delete cascade,
  position_id uuid not null references ac_position (id),
  from_date date not null,
  to_date date,
  constraint ac_official_position_span check (to_date is null or to_date >= from_date)
);
create index ac_official_position_official_idx on ac_official_position (official_id);

-- Legal exemptions from verification (Nghị định 130/2020 Điều 16) with their evidence.
create table ac_exemption (
  id uuid primary key default gen_random_uuid(),
  official_id uuid not null references ac_official (id) on delete cascade,
  kind text not null check (kind in ('investigation', 'grave_illness', 'abroad')),
  from_date date not null,
  to_date date,
  evidence text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index ac_exemption_official_idx on ac_exemption (official_id);

create table ac_campaign (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year smallint not null check (year between 2019 and 2200),
  computed_at timestamptz not null default now(),
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, year)
);

-- One person's duty to declare in a campaign, of one kind, with the reason. Never the content.
create table ac_obligation (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references ac_campaign (id),
  agency_id uuid not null references agency (id),
  official_id uuid not null references ac_official (id),
  kind text not null check (kind in ('first_time', 'annual', 'supplementary', 'appointment')),
  reason text not null,
  source text not null check (source in ('computed', 'adjusted')),
  adjustment_reason text,
  removed boolean not null default false,
  removed_reason text,
  due_on date not null,
  due_rule text,
  received_on date,
  reminders integer not null default 0,
  last_reminded_at timestamptz,
  publication_place text,
  published_from date,
  published_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (campaign_id, official_id, kind)
);
create index ac_obligation_official_idx on ac_obligation (official_id);

-- The declaration's content, sealed (platform/sealed-columns.ts SEALED.declaration). The clear
-- columns say only who, which year, which kind and when; the comparison's flag is kept sealed too.
create table ac_declaration (
  id uuid primary key default gen_random_uuid(),
  obligation_id uuid not null unique references ac_obligation (id),
  agency_id uuid not null references agency (id),
  official_id uuid not null references ac_official (id),
  year smallint not null,
  kind text not null,
  declared_on date not null,
  content_sealed text not null,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index ac_declaration_official_idx on ac_declaration (official_id, declared_on);

create table ac_verification_plan (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year smallint not null check (year between 2019 and 2200),
  issued_on date not null,
  named_body boolean not null default false,
  unit_percent numeric(5, 2) not null,
  person_percent numeric(5, 2) not null,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, year)
);

-- The draw, once per plan: the seed typed before the witnesses, the inputs as they were (the
-- candidate and unit lists, the exclusions with reasons), the algorithm and the result.
create table ac_lottery (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null unique references ac_verification_plan (id),
  agency_id uuid not null references agency (id),
  seed text not null,
  held_on date not null,
  place text not null,
  witnesses jsonb not null,
  algorithm text not null,
  inputs jsonb not null,
  inputs_sha256 text not null,
  result jsonb not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);

create table ac_verification (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid references ac_verification_plan (id),
  agency_id uuid not null references agency (id),
  official_id uuid not null references ac_official (id),
  year smallint not null,
  ground text not null check (ground in ('lottery', 'increase', 'denunciation', 'request')),
  conclusion text check (conclusion in ('honest', 'dishonest')),
  concluded_on date,
  handling text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index ac_verification_official_idx on ac_verification (official_id, year);
create index ac_verification_plan_idx on ac_verification (plan_id);

-- Deferrals of periodic job rotation (Nghị định 59/2019 Điều 39): always with evidence and an end.
create table ac_rotation_deferral (
  id uuid primary key default gen_random_uuid(),
  official_id uuid not null references ac_official (id) on delete cascade,
  kind text not null check (kind in ('discipline', 'investigation', 'illness', 'study_or_secondment', 'child_under_36_months')),
  from_date date not null,
  to_date date not null,
  evidence text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  constraint ac_rotation_deferral_span check (to_date >= from_date)
);
create index ac_rotation_deferral_official_idx on ac_rotation_deferral (official_id);
