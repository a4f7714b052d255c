-- The portal's satisfaction survey (issue 20): one row per answer, kept per agency and date for
-- the reports. No column holds who answered: a petitioner's answer only points to the petition,
-- and that once (the unique index), so a receipt code rates its matter one time; a visitor's
-- answer has no petition.
create table portal_survey_answer (
  id uuid primary key,
  agency_id uuid not null references agency (id),
  answered_on date not null,
  source text not null check (source in ('petition', 'reception')),
  petition_id uuid references petition (id) on delete set null,
  rating smallint not null check (rating between 1 and 5),
  comment text,
  created_at timestamptz not null default now(),
  check (source = 'petition' or petition_id is null)
);
create unique index portal_survey_answer_petition_key on portal_survey_answer (petition_id);
create index portal_survey_answer_agency_idx on portal_survey_answer (agency_id, answered_on);
