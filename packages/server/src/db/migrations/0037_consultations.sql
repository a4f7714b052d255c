-- Public consultation on draft regulations (issue 20, Consul's legislation module): an agency's
-- draft, its phases' dates, the draft's text in numbered versions, citizens' comments anchored to
-- a passage (held until an officer publishes or hides them) and the drafting body's answers.
create table consultation (
  id uuid primary key,
  agency_id uuid not null references agency (id),
  title text not null,
  field text,
  opens_on date not null,
  closes_on date not null,
  summary_due_on date,
  -- Put on the portal by an officer (null: still drafting).
  opened_at timestamptz,
  -- Comments ended by an officer before closes_on (null: the planned date holds).
  closed_at timestamptz,
  summary_published_at timestamptz,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  check (closes_on >= opens_on),
  check (summary_due_on is null or summary_due_on >= closes_on)
);
create index consultation_agency_idx on consultation (agency_id, opens_on);

create table consultation_version (
  consultation_id uuid not null references consultation (id) on delete cascade,
  number integer not null check (number >= 1),
  body text not null,
  note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  primary key (consultation_id, number)
);

-- One answer of the drafting body covers one comment or a group of them.
create table consultation_response (
  id uuid primary key,
  consultation_id uuid not null references consultation (id) on delete cascade,
  outcome text not null check (outcome in ('accepted', 'partly', 'not_accepted')),
  explanation text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index consultation_response_idx on consultation_response (consultation_id, created_at);

-- A comment names its passage by the anchor of the version it was made on. The contact is sealed
-- by the key ring (as the portal's filer data): never listed, opened only for the agency's
-- officers. The solved proof-of-work challenge is unique: one solved challenge, one comment.
create table consultation_comment (
  id uuid primary key,
  consultation_id uuid not null references consultation (id) on delete cascade,
  number integer not null,
  version_number integer not null,
  anchor text not null,
  quote text,
  body text not null,
  author_name text,
  contact_sealed text,
  status text not null default 'pending' check (status in ('pending', 'published', 'hidden')),
  moderation_reason text,
  moderated_by uuid references app_user (id),
  moderated_at timestamptz,
  response_id uuid references consultation_response (id),
  pow_id text not null,
  created_at timestamptz not null default now(),
  check (status <> 'hidden' or moderation_reason is not null),
  foreign key (consultation_id, version_number) references consultation_version (consultation_id, number)
);
create unique index consultation_comment_number_key on consultation_comment (consultation_id, number);
create unique index consultation_comment_pow_key on consultation_comment (pow_id);
create index consultation_comment_anchor_idx on consultation_comment (consultation_id, anchor);
