-- Signature in the system (issue 16): a decision or conclusion issued in the head's name is
-- drafted by the officer, submitted to a signer chosen among the agency's leaders (the head or an
-- authorised deputy), and issued only when that signer signs it; the signer may return it with a
-- reason. Until issued it is unnumbered; after, frozen as before.

-- The position printed under a signature ("Giám đốc", "Phó Giám đốc", "Chánh Thanh tra").
alter table app_user add column position text;

alter table official_document drop constraint official_document_status_check;
alter table official_document add constraint official_document_status_check
  check (status in ('draft', 'submitted', 'issued', 'cancelled'));
alter table official_document drop constraint official_document_issued_complete;
alter table official_document add constraint official_document_issued_complete check (
  status in ('draft', 'submitted')
  or (number is not null and symbol is not null and issued_on is not null
      and file is not null and file_sha256 is not null)
);
alter table official_document add constraint official_document_submitted_unnumbered
  check (status <> 'submitted' or number is null);

alter table official_document add column signer_id uuid references app_user (id);
alter table official_document add column submitted_by uuid references app_user (id);
alter table official_document add column submitted_at timestamptz;
-- Why the signer sent it back, shown to the drafter until the next submission.
alter table official_document add column returned_note text;
alter table official_document add constraint official_document_submitted_signer
  check (status <> 'submitted' or signer_id is not null);
create index official_document_signer_idx on official_document (signer_id) where status = 'submitted';

-- Draft and submitted papers may change (a submitted one goes back to draft when returned);
-- an issued one stays as issued.
create or replace function official_document_frozen() returns trigger
  language plpgsql as $$
begin
  if old.status not in ('draft', 'submitted') and (
       new.fields is distinct from old.fields or new.number is distinct from old.number
       or new.symbol is distinct from old.symbol or new.issued_on is distinct from old.issued_on
       or new.file is distinct from old.file or new.file_sha256 is distinct from old.file_sha256
       or official_document_sealed_changed(old.fields_sealed, new.fields_sealed)
       or official_document_sealed_changed(old.file_sealed, new.file_sealed)
       or new.form_code is distinct from old.form_code or new.agency_id is distinct from old.agency_id
       or new.status in ('draft', 'submitted')) then
    raise exception 'official_document % is issued and cannot be changed', old.id;
  end if;
  return new;
end $$;

drop trigger official_document_no_delete on official_document;
create trigger official_document_no_delete before delete on official_document
  for each row when (old.status not in ('draft', 'submitted')) execute function official_document_no_delete();
