-- Anti-corruption (issue 18, docs/LAW.md §10.7): the yearly rotation plan made public within the
-- agency before it is carried out (Điều 25 Luật PCTN 2018; Điều 37 Nghị định 59/2019): when, in
-- which form, where and by whom. One row per agency and year; a rotation of the year is executed
-- only once it exists, and not before its day.
-- Runs unchanged on PostgreSQL 15+ and on PGlite.
create table ac_rotation_announcement (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  year smallint not null,
  announced_on date not null,
  form text not null check (form in ('posted', 'meeting', 'written_notice', 'website')),
  place text not null,
  announced_by text not null,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (agency_id, year)
);
