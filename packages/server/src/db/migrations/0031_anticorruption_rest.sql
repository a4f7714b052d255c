-- Anti-corruption records the PCTN statistical forms count (issue 18, second part; docs/LAW.md
-- §10.3): corruption cases detected (02/PCTN) with the persons involved, damage and recoveries,
-- handling and transfer to an investigation body; documents with loopholes (03/PCTN); documents
-- issued or amended to prevent corruption; gifts handed in; training and propaganda sessions.
-- Every row carries the agency that recorded it and the date it counts on, so a report period
-- counts rows by (agency_id, date).

create table ac_corruption_case (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  name text not null,
  -- The agency or unit where the corruption happened (an agency of the tree, or free text).
  concerned_agency_id uuid references agency (id),
  concerned_name text not null,
  handling_body text not null,
  summary text not null default '',
  detected_on date not null,
  channel text not null check (
    channel in ('self_inspection', 'inspection', 'audit', 'denunciation', 'investigation', 'other')
  ),
  inspection_id uuid references inspection (id),
  resolution_case_id uuid references resolution_case (id),
  -- Damage and recovery: money in whole đồng, land in m².
  damage_money bigint not null default 0 check (damage_money >= 0),
  damage_land_m2 numeric(18, 2) not null default 0 check (damage_land_m2 >= 0),
  recovered_money bigint not null default 0 check (recovered_money >= 0),
  recovered_land_m2 numeric(18, 2) not null default 0 check (recovered_land_m2 >= 0),
  -- Transfer of the file to an investigation body (cơ quan điều tra): date and body, both or none.
  transferred_on date,
  transferred_to text,
  -- Heads held responsible for letting corruption occur in their agency (Luật PCTN Art. 72–73).
  heads_responsible smallint not null default 0 check (heads_responsible >= 0),
  note text,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ac_corruption_case_transfer check ((transferred_on is null) = (transferred_to is null))
);
create index ac_corruption_case_agency_idx on ac_corruption_case (agency_id, detected_on);

-- The persons involved: an official of the registry or a named person; how each was handled.
create table ac_corruption_person (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references ac_corruption_case (id) on delete cascade,
  position smallint not null,
  official_id uuid references ac_official (id),
  full_name text not null,
  job_title text,
  handling text not null check (handling in ('pending', 'discipline', 'criminal', 'none')),
  discipline_form text,
  handled_on date,
  is_head boolean not null default false
);
create index ac_corruption_person_case_idx on ac_corruption_person (case_id, position);
create index ac_corruption_person_official_idx on ac_corruption_person (official_id);

-- 03/PCTN: documents found to have loopholes through anti-corruption work, and their remedy.
create table ac_loophole_document (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  title text not null,
  number_symbol text,
  issued_on date,
  issuing_body text not null,
  loophole text not null,
  found_on date not null,
  remedied_on date,
  remedy text,
  not_remedied_reason text,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index ac_loophole_document_agency_idx on ac_loophole_document (agency_id, found_on);

-- Documents issued or amended to prevent corruption (legal documents, internal rules).
create table ac_prevention_document (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  kind text not null check (kind in ('legal', 'rule', 'plan', 'other')),
  action text not null check (action in ('issued', 'amended')),
  number_symbol text,
  title text not null,
  issued_on date not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index ac_prevention_document_agency_idx on ac_prevention_document (agency_id, issued_on);

-- Gifts handed in (Nghị định 59/2019 Điều 22–23): who, when, what, its value.
create table ac_gift (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  official_id uuid references ac_official (id),
  full_name text not null,
  handed_on date not null,
  description text not null,
  value bigint not null default 0 check (value >= 0),
  handling text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index ac_gift_agency_idx on ac_gift (agency_id, handed_on);

-- Training and propaganda on anti-corruption: the number of classes or sessions and of
-- participations (lượt người), counted by the date held.
create table ac_training (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  kind text not null check (kind in ('training', 'propaganda')),
  title text not null,
  held_on date not null,
  sessions integer not null check (sessions >= 1),
  participants integer not null check (participants >= 0),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index ac_training_agency_idx on ac_training (agency_id, held_on);
