-- The public portal's last pieces (issue 20). Runs unchanged on PostgreSQL 15+ and on PGlite.

-- Rate limits and the receipt-code guessing counter, shared by every server process and kept
-- across a restart: one row per limit (bucket), client (a keyed hash of its address, never the
-- address) and fixed window; a request adds one to its row and is refused past the limit.
-- Windows older than a day are pruned as requests come (modules/portal/limits.ts).
create table portal_rate_hit (
  bucket text not null,
  client_hash text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (bucket, client_hash, window_start)
);
create index portal_rate_hit_window_idx on portal_rate_hit (window_start);

-- The optional e-mail a filer gives to be told that the letter was received and that a message
-- waits on the tracking page: one row per petition filed online with one (id = the petition's id).
-- Sealed under the key ring, bound to the row; never part of the writer's identity (an anonymous
-- denouncer may leave one). The receipt code's last four digits (three random and the check
-- digit) name the letter in the mail without giving the code; stopped by the holder of the code.
create table portal_notify (
  id uuid primary key references petition (id) on delete cascade,
  email_sealed text not null,
  code_tail text not null check (code_tail ~ '^[0-9]{4}$'),
  stopped_at timestamptz,
  created_at timestamptz not null default now()
);

-- The mails to send to filers: what kind and when, never a text or an address (the address is
-- opened from portal_notify when sending, the text composed from the kind). Sent after the
-- transaction that queued it; a failed one is retried by the next send, at most five times.
create table portal_mail (
  id uuid primary key,
  petition_id uuid not null references petition (id) on delete cascade,
  kind text not null check (kind in ('received', 'message', 'notice')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
  message_id text
);
create index portal_mail_pending_idx on portal_mail (created_at) where status = 'pending';
create index portal_mail_petition_idx on portal_mail (petition_id);

-- A survey's comment may name the answerer or an officer: sealed at rest (bound to the answer),
-- shown masked to the agency's officers with the counts. Rows an earlier version wrote in clear
-- are sealed at start (modules/portal/survey.ts sealClearSurveyComments).
alter table portal_survey_answer add column comment_sealed text;
create index portal_survey_answer_clear_idx on portal_survey_answer (id) where comment is not null;
