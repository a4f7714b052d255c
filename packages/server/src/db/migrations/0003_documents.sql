-- Official documents (văn bản đi): every outgoing notice is drafted from a template, numbered from
-- the agency's yearly register when issued, and the issued .docx is kept unchanged.
-- Layout and numbering follow Nghị định 30/2020/NĐ-CP (công tác văn thư).
-- Runs unchanged on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

-- What the letterhead needs beyond the agency's name. All optional: when null the system falls
-- back to the parent agency's name (upper case), initials of the name and the province or
-- commune named in the agency's name or its parents' names.
alter table agency add column doc_abbreviation text;
alter table agency add column doc_place text;
alter table agency add column doc_parent_name text;
alter table agency add constraint agency_doc_abbreviation_format
  check (doc_abbreviation is null or doc_abbreviation ~ '^[[:alnum:]Đđ.&-]{1,20}$');

-- Sổ đăng ký văn bản đi: one running number per agency, calendar year and series (TB thông
-- báo, PC phiếu chuyển, QĐ quyết định, CV công văn…). The number is taken by
-- `update … set next_number = next_number + 1` inside the issuing transaction, so concurrent
-- issues queue on the row and a rolled-back issue gives its number back (NĐ 30/2020, Điều 15:
-- numbers run from 01/01 to 31/12 without gap or repeat).
create table document_register (
  agency_id uuid not null references agency (id),
  year integer not null check (year between 1990 and 2100),
  series text not null check (series ~ '^[[:alnum:]Đđ]{1,10}$'),
  next_number integer not null default 1 check (next_number >= 1),
  primary key (agency_id, year, series)
);

create table official_document (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  -- What the document is about (a petition, a complaint case…), owned by another module.
  entity_type text not null,
  entity_id text not null,
  form_code text not null,
  series text not null,
  status text not null default 'draft' check (status in ('draft', 'issued', 'cancelled')),
  title text not null,
  -- Everything the template needs; editable only while the document is a draft.
  fields jsonb not null default '{}'::jsonb,
  number integer check (number >= 1),
  symbol text,
  issued_on date,
  issued_by uuid references app_user (id),
  -- The issued .docx, frozen at issue time, and its SHA-256.
  file bytea,
  file_sha256 text,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint official_document_issued_complete check (
    status = 'draft'
    or (number is not null and symbol is not null and issued_on is not null
        and file is not null and file_sha256 is not null)
  ),
  constraint official_document_draft_unnumbered check (status <> 'draft' or number is null)
);
create index official_document_entity_idx on official_document (entity_type, entity_id);
create index official_document_agency_idx on official_document (agency_id, created_at);

-- A number is used once per agency, series and year, also after the document is cancelled.
create unique index official_document_number_unique
  on official_document (agency_id, series, (extract(year from issued_on)), number)
  where number is not null;

-- An issued document is kept as issued: its content, number and file cannot change; only the
-- status may move to cancelled.
create or replace function official_document_frozen() returns trigger
  language plpgsql as $$
begin
  if old.status <> 'draft' and (
       new.fields is distinct from old.fields or new.number is distinct from old.number
       or new.symbol is distinct from old.symbol or new.issued_on is distinct from old.issued_on
       or new.file is distinct from old.file or new.file_sha256 is distinct from old.file_sha256
       or new.form_code is distinct from old.form_code or new.agency_id is distinct from old.agency_id
       or new.status = 'draft') then
    raise exception 'official_document % is issued and cannot be changed', old.id;
  end if;
  return new;
end $$;
create trigger official_document_no_change before update on official_document
  for each row execute function official_document_frozen();

create or replace function official_document_no_delete() returns trigger
  language plpgsql as $$
begin
  raise exception 'official_document % is issued and cannot be deleted', old.id;
end $$;
create trigger official_document_no_delete before delete on official_document
  for each row when (old.status <> 'draft') execute function official_document_no_delete();
