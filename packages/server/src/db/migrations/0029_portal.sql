-- The public portal (issue 20, first part): petitions filed online by citizens and enterprises,
-- tracked with a receipt code and no account, and the messages exchanged with the handler.

-- One row per petition filed on the portal. The receipt code itself is never stored: only its
-- keyed hash (HMAC-SHA-256 under the key ring's index key), unique, so a code is looked up by one
-- index probe and the table reveals nothing without the key. The proof-of-work challenge that let
-- the filing through is kept unique too: a solved challenge files one petition, not many.
create table portal_submission (
  petition_id uuid primary key references petition (id) on delete cascade,
  code_hash text not null,
  pow_id text not null,
  -- What the citizen said the letter is (complaint, denunciation…); the officers still classify it.
  declared_kind text,
  created_at timestamptz not null default now()
);
create unique index portal_submission_code_key on portal_submission (code_hash);
create unique index portal_submission_pow_key on portal_submission (pow_id);

-- Messages between the handler and the person who filed (GlobaLeaks-style). The text is sealed by
-- the key ring (the writer of a letter may be a denouncer, and what they write may name them);
-- only the row's author side and time are in clear.
create table portal_message (
  id uuid primary key,
  petition_id uuid not null references petition (id) on delete cascade,
  author text not null check (author in ('citizen', 'officer')),
  author_user_id uuid references app_user (id),
  body_sealed text not null,
  created_at timestamptz not null default now()
);
create index portal_message_petition_idx on portal_message (petition_id, created_at);
