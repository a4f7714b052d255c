-- Reports of units not on the system, uploaded as the filled official Excel form (issue 19,
-- docs/LAW.md §11.8): the row records where its snapshot came from (computed from the records, or
-- read from an uploaded file) and, for an upload, the original file kept in the attachment store.
alter table report_submission add column origin text not null default 'computed';
alter table report_submission add constraint report_submission_origin_chk check (origin in ('computed', 'upload'));
alter table report_submission add column original_file_id uuid references attachment (id);
alter table report_submission add constraint report_submission_original_chk
  check ((origin = 'upload') = (original_file_id is not null));
