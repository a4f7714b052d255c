-- Destroying filed petitions (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP) by a decision signed in the
-- system: the officer drafts one QD-HUY for a batch, a leader signs and issues it, and the issue
-- destroys the petitions of the batch with the register's number. Until then the petitions stay
-- filed and are held by the pending draft; a cancelled draft lets them go to another batch.
create table petition_destruction_item (
  document_id uuid not null references official_document (id),
  petition_id uuid not null references petition (id),
  primary key (document_id, petition_id)
);
create index petition_destruction_item_petition_idx on petition_destruction_item (petition_id);

-- A draft that will not be issued (a wrong batch, a decision no longer wanted) is cancelled with
-- its reason rather than deleted: it stays in the record, unnumbered, and frees what it held.
alter table official_document add column cancelled_reason text;
alter table official_document drop constraint official_document_issued_complete;
alter table official_document add constraint official_document_issued_complete check (
  status in ('draft', 'submitted')
  or (status = 'cancelled' and number is null and cancelled_reason is not null)
  or (number is not null and symbol is not null and issued_on is not null
      and file is not null and file_sha256 is not null)
);
