-- Foundation: extensions, organisation, accounts, sessions, audit trail.
-- Runs unchanged on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

create extension if not exists unaccent with schema public;
create extension if not exists pg_trgm with schema public;

-- unaccent() is only STABLE; this IMMUTABLE wrapper can be indexed (STACK-NOTES).
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Organisation units, effective-dated (docs/LAW.md §2.3): a unit that ends gets valid_to,
-- a unit formed by merger lists its predecessors in agency_lineage.
create table agency (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  short_name text,
  kind text not null,
  parent_id uuid references agency (id),
  valid_from date not null,
  valid_to date,
  -- Materialised path '/<root id>/…/<own id>/', kept by a trigger: "this unit and everything
  -- below it" is one indexed prefix match, used by every scope check.
  path text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agency_valid_range check (valid_to is null or valid_to >= valid_from),
  -- docs/LAW.md §2.3: no new district-level unit after the two-level reform of 01/07/2025.
  constraint agency_no_new_district check (kind <> 'district_committee' or valid_from < date '2025-07-01')
);
create index agency_parent_idx on agency (parent_id);
create index agency_path_idx on agency (path text_pattern_ops);

create or replace function agency_set_path() returns trigger
  language plpgsql as $$
begin
  if new.parent_id is null then
    new.path := '/' || new.id::text || '/';
  else
    select path || new.id::text || '/' into new.path from agency where id = new.parent_id;
  end if;
  return new;
end $$;
create trigger agency_path before insert or update of parent_id on agency
  for each row execute function agency_set_path();

create table agency_lineage (
  successor_id uuid not null references agency (id),
  predecessor_id uuid not null references agency (id),
  effective_date date not null,
  primary key (successor_id, predecessor_id),
  constraint agency_lineage_not_self check (successor_id <> predecessor_id)
);
create index agency_lineage_predecessor_idx on agency_lineage (predecessor_id);

-- Groupings that are not the tree, such as emulation clusters (cụm thi đua).
create table agency_group (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null
);

create table agency_group_member (
  group_id uuid not null references agency_group (id) on delete cascade,
  agency_id uuid not null references agency (id),
  primary key (group_id, agency_id)
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  full_name text not null,
  email text,
  agency_id uuid not null references agency (id),
  roles text[] not null,
  password_hash text not null,
  disabled boolean not null default false,
  must_change_password boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint app_user_username_lower check (username = lower(username))
);
create index app_user_agency_idx on app_user (agency_id);
create index app_user_name_trgm_idx on app_user using gin (f_unaccent(lower(full_name)) gin_trgm_ops);

-- Server-side sessions. The cookie holds a random token; the table holds only its SHA-256.
create table user_session (
  id text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  client_ip text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);

-- The audit trail. Each event's hash covers its content and the previous event's hash, so an
-- edited, deleted or reordered event breaks the chain (`minhbach audit verify`). Ids are
-- gapless, handed out under the lock on audit_head.
create table audit_event (
  id bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  agency_id uuid,
  action text not null,
  entity_type text not null,
  entity_id text,
  summary jsonb not null default '{}'::jsonb,
  client_ip text,
  prev_hash text not null,
  hash text not null
);
create index audit_event_at_idx on audit_event (at);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_actor_idx on audit_event (actor_id);

create table audit_head (
  id integer primary key check (id = 1),
  last_id bigint not null,
  last_hash text not null
);
insert into audit_head (id, last_id, last_hash) values (1, 0, 'GENESIS');

-- Append-only: the database itself refuses to change or remove an event.
create or replace function audit_event_append_only() returns trigger
  language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();

create table app_setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
