-- The documents and files of a letter that may be a denunciation (kind not yet known, or a
-- denunciation, or a case opened from one) name or quote its writer: a draft's fields, the issued
-- .docx, a file's name and description. Their clear columns keep a copy with the writers' personal
-- data masked (domain text/redact.ts), which every reader of the agency's documents may see; the
-- original is sealed under the key ring (platform/vault.ts), bound to its row, for those who may
-- see the identity (Điều 9 khoản 1, Điều 47 Luật Tố cáo 2018; docs/LAW.md §6.6).
-- Runs unchanged on PostgreSQL 15+ and on PGlite.

-- {"fields": …, "title": …} as drafted or last edited; null when nothing is protected.
alter table official_document add column fields_sealed text;
-- The issued .docx as signed (base64), when the clear `file` is its masked rendering.
-- `file_sha256` is the SHA-256 of the signed file.
alter table official_document add column file_sealed text;

-- {"fileName": …, "description": …} of a protected record's file; `file_name` and `description`
-- then hold the masked copy.
alter table attachment add column names_sealed text;

-- An issued document stays as issued: its sealed original cannot change either, except to be
-- sealed again under another key (`minhbach keys reseal`: "v1.<key id>.…" names the key).
create or replace function official_document_sealed_changed(a text, b text) returns boolean
  language sql immutable as $$
  select a is distinct from b
    and (a is null or b is null or split_part(a, '.', 2) = split_part(b, '.', 2))
$$;

create or replace function official_document_frozen() returns trigger
  language plpgsql as $$
begin
  if old.status <> 'draft' and (
       new.fields is distinct from old.fields or new.number is distinct from old.number
       or new.symbol is distinct from old.symbol or new.issued_on is distinct from old.issued_on
       or new.file is distinct from old.file or new.file_sha256 is distinct from old.file_sha256
       or official_document_sealed_changed(old.fields_sealed, new.fields_sealed)
       or official_document_sealed_changed(old.file_sealed, new.file_sealed)
       or new.form_code is distinct from old.form_code or new.agency_id is distinct from old.agency_id
       or new.status = 'draft') then
    raise exception 'official_document % is issued and cannot be changed', old.id;
  end if;
  return new;
end $$;
