-- Published results on the portal (issue 20): an issued complaint decision, denunciation
-- conclusion or inspection conclusion, as the redacted text an officer of the issuing agency
-- reviewed, shown from published_on through visible_until (at least 15 consecutive days,
-- domain portal/publication.ts). The text is the public copy only: the document keeps the original.
-- One live publication per document (a withdrawn one may be followed by a new one).
create table portal_publication (
  id uuid primary key,
  agency_id uuid not null references agency (id),
  document_id uuid not null references official_document (id),
  kind text not null check (kind in ('complaint_decision', 'denunciation_conclusion', 'inspection_conclusion')),
  title text not null,
  symbol text not null,
  issued_on date not null,
  body text not null,
  -- The title and body folded (lower case, no accents) for the portal's search.
  search_text text not null,
  published_on date not null,
  visible_until date not null,
  published_by uuid references app_user (id),
  withdrawn_at timestamptz,
  withdrawn_by uuid references app_user (id),
  withdrawn_reason text,
  created_at timestamptz not null default now(),
  check (visible_until >= published_on),
  check ((withdrawn_at is null) = (withdrawn_reason is null))
);
create unique index portal_publication_live_key on portal_publication (document_id) where withdrawn_at is null;
create index portal_publication_window_idx on portal_publication (visible_until, published_on);
create index portal_publication_agency_idx on portal_publication (agency_id, published_on);

-- Frequent questions and answers per agency, maintained by its officers, shown on the portal.
create table portal_faq (
  id uuid primary key,
  agency_id uuid not null references agency (id),
  question text not null,
  answer text not null,
  search_text text not null,
  position integer not null default 0,
  published boolean not null default true,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index portal_faq_agency_idx on portal_faq (agency_id, position);
