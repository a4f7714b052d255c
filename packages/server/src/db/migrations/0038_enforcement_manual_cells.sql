-- Enforcement of complaint decisions and denunciation handling decisions (tổ chức thi hành; docs/LAW.md
-- §5.6) and the manual cells of the periodic forms (docs/LAW.md §11.8).
--
-- One enforcement record per case whose decision (complaint) or handling of the conclusion
-- (denunciation) was issued: what the decision orders (money in whole đồng, land in m², persons to
-- discipline, matters and persons to transfer to the investigation body, organisations and
-- individuals whose rights are restored), who must act, and its state. `decided_on` is copied from the
-- case's facts: the day the duty to enforce arises, the day that places the record in a period.
create table case_enforcement (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null unique references resolution_case (id) on delete cascade,
  agency_id uuid not null references agency (id),
  kind text not null check (kind in ('complaint', 'denunciation')),
  decision_number text,
  decided_on date not null,
  responsible text not null,
  due_on date,
  money_to_state bigint not null default 0 check (money_to_state >= 0),
  money_to_others bigint not null default 0 check (money_to_others >= 0),
  land_to_state numeric(18, 2) not null default 0 check (land_to_state >= 0),
  land_to_others numeric(18, 2) not null default 0 check (land_to_others >= 0),
  persons_to_discipline integer not null default 0 check (persons_to_discipline >= 0),
  matters_to_transfer integer not null default 0 check (matters_to_transfer >= 0),
  persons_to_transfer integer not null default 0 check (persons_to_transfer >= 0),
  rights_to_restore integer not null default 0 check (rights_to_restore >= 0),
  note text,
  state text not null default 'not_started' check (state in ('not_started', 'in_progress', 'done')),
  started_on date,
  done_on date,
  version integer not null default 1,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint case_enforcement_started check ((state = 'not_started') = (started_on is null)),
  constraint case_enforcement_done check ((state = 'done') = (done_on is not null)),
  constraint case_enforcement_order check (done_on is null or (started_on is not null and started_on <= done_on))
);
create index case_enforcement_agency_idx on case_enforcement (agency_id, decided_on);

-- The enforcement steps, in order: started, partly done (any number), done; each with what was
-- actually recovered, returned, disciplined, transferred on that day, and the evidence.
create table case_enforcement_step (
  id uuid primary key default gen_random_uuid(),
  enforcement_id uuid not null references case_enforcement (id) on delete cascade,
  agency_id uuid not null references agency (id),
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('started', 'partial', 'done')),
  on_date date not null,
  money_to_state bigint not null default 0 check (money_to_state >= 0),
  money_to_others bigint not null default 0 check (money_to_others >= 0),
  land_to_state numeric(18, 2) not null default 0 check (land_to_state >= 0),
  land_to_others numeric(18, 2) not null default 0 check (land_to_others >= 0),
  persons_disciplined integer not null default 0 check (persons_disciplined >= 0),
  matters_transferred integer not null default 0 check (matters_transferred >= 0),
  persons_transferred integer not null default 0 check (persons_transferred >= 0),
  rights_restored integer not null default 0 check (rights_restored >= 0),
  evidence text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  constraint case_enforcement_step_seq unique (enforcement_id, seq)
);
create index case_enforcement_step_agency_idx on case_enforcement_step (agency_id, on_date);

-- Cells of a form that no record holds (06/QLKNTC), entered by the unit for one period and kept:
-- a report of exactly that period counts them like any other figure, a subtree adds them up.
create table report_manual_cell (
  agency_id uuid not null references agency (id),
  form text not null,
  period_from date not null,
  period_to date not null,
  cell text not null,
  value numeric(20, 2) not null check (value >= 0),
  note text,
  updated_by uuid references app_user (id),
  updated_by_name text,
  updated_at timestamptz not null default now(),
  primary key (agency_id, form, period_from, period_to, cell),
  constraint report_manual_cell_period check (period_from <= period_to)
);
create index report_manual_cell_period_idx on report_manual_cell (form, period_from, period_to);
