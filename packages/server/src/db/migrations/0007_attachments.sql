-- Attachments of petitions (and later of other records): where the bytes are kept and, when
-- they are encrypted (AES-256-GCM), which key sealed them with the IV and authentication tag.
-- The key itself never lives in the database.
alter table attachment add column storage text not null default 'local';
alter table attachment add column encrypted boolean not null default false;
alter table attachment add column key_id text;
alter table attachment add column iv text;
alter table attachment add column auth_tag text;
alter table attachment add constraint attachment_encryption_chk check (
  (encrypted and key_id is not null and iv is not null and auth_tag is not null)
  or (not encrypted and key_id is null and iv is null and auth_tag is null)
);
alter table attachment add constraint attachment_size_chk check (size > 0);
