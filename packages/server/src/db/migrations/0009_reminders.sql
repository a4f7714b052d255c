-- Reminder e-mails (issue 5): one daily digest per user of the cases assigned to them that are due
-- soon or overdue. One row per user and Vietnamese day: a user gets at most one digest a day even
-- when the server restarts, and a failed send stays visible (status, error) and is retried by the
-- next run. Only case ids are kept: never a name, never a petition's content.
create table reminder_mail (
  user_id uuid not null references app_user (id) on delete cascade,
  sent_on date not null,
  -- 'sending' while a run holds the row (a run that died holding it is taken over later).
  status text not null check (status in ('sending', 'sent', 'failed')),
  case_ids uuid[] not null default '{}',
  attempts integer not null default 1,
  error text,
  message_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, sent_on)
);
create index reminder_mail_day_idx on reminder_mail (sent_on, status);
