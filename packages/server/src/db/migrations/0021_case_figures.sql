-- The figures the periodic report forms count for each case (03/GQKN, 04/GQTC, 05/KQTH): one row
-- per case, written in the transaction that changes the case's facts (modules/cases/figures.ts,
-- rule in the domain's cases/figures.ts), so a report sums columns per agency and period instead
-- of reading every case's facts.
create table case_figures (
  case_id uuid primary key references resolution_case (id) on delete cascade,
  agency_id uuid not null references agency (id),
  kind text not null check (kind in ('complaint', 'denunciation')),
  instance smallint check (instance in (1, 2)),
  -- Denunciations: a repeated denunciation (tố cáo tiếp), counted apart.
  repeated boolean not null default false,
  received_on date not null,
  accepted_on date,
  -- How and when the case left the resolving states: the day that places an ended case in a period.
  ended_by text check (ended_by in ('not_accepted', 'transferred', 'decided', 'concluded', 'withdrawn', 'terminated')),
  ended_on date,
  outcome text check (outcome in ('right', 'partly_right', 'wrong')),
  first_decision_upheld boolean,
  -- Decided or concluded: the resolution time limit's last day, and whether the case met it.
  resolution_due_on date,
  on_time boolean,
  dialogues integer not null default 0 check (dialogues >= 0),
  -- Money in million VND, land in m², people and matters as counts (domain CaseAmounts).
  money_to_state numeric not null default 0 check (money_to_state >= 0),
  money_to_others numeric not null default 0 check (money_to_others >= 0),
  land_to_state numeric not null default 0 check (land_to_state >= 0),
  land_to_others numeric not null default 0 check (land_to_others >= 0),
  restored_organisations bigint not null default 0 check (restored_organisations >= 0),
  restored_individuals bigint not null default 0 check (restored_individuals >= 0),
  discipline_recommended bigint not null default 0 check (discipline_recommended >= 0),
  discipline_cadres bigint not null default 0 check (discipline_cadres between 0 and discipline_recommended),
  investigation_cases bigint not null default 0 check (investigation_cases >= 0),
  investigation_persons bigint not null default 0 check (investigation_persons >= 0),
  -- Enforcement records: what was actually returned, and whether enforcement finished.
  money_returned numeric not null default 0 check (money_returned >= 0),
  land_returned numeric not null default 0 check (land_returned >= 0),
  enforcement_completed boolean not null default false,
  updated_at timestamptz not null default now(),
  check ((ended_by is null) = (ended_on is null)),
  check (outcome is null or ended_by in ('decided', 'concluded')),
  check (on_time is null or resolution_due_on is not null)
);
-- A period's flows (accepted in it, ended in it) and its stocks (accepted before its end, not yet ended).
create index case_figures_agency_accepted_idx on case_figures (agency_id, accepted_on);
create index case_figures_agency_ended_idx on case_figures (agency_id, ended_on);
-- The cases backfilled below whose time limit the server works out at start (it has the calendar).
create index case_figures_due_missing_idx on case_figures (case_id)
  where ended_by in ('decided', 'concluded') and resolution_due_on is null;

-- The cases stored before this migration, by the same rule as the domain's caseFigures.
with c as (
  select
    rc.id,
    rc.agency_id,
    rc.facts as f,
    case
      when rc.facts ->> 'state' = 'WITHDRAWN' and jsonb_typeof(rc.facts -> 'withdrawal') = 'object' then 'withdrawn'
      when rc.facts ->> 'state' = 'TERMINATED' and jsonb_typeof(rc.facts -> 'termination') = 'object' then 'terminated'
      when rc.facts ->> 'state' = 'NOT_ACCEPTED' and jsonb_typeof(rc.facts -> 'rejection') = 'object' then 'not_accepted'
      when rc.facts ->> 'state' = 'TRANSFERRED' and jsonb_typeof(rc.facts -> 'transfer') = 'object' then 'transferred'
      when rc.facts ->> 'kind' = 'complaint' and jsonb_typeof(rc.facts -> 'decision') = 'object' then 'decided'
      when rc.facts ->> 'kind' = 'denunciation' and jsonb_typeof(rc.facts -> 'conclusion') = 'object' then 'concluded'
    end as ended_by
  from resolution_case rc
),
e as (
  select
    c.*,
    case c.ended_by
      when 'withdrawn' then (c.f -> 'withdrawal' ->> 'on')::date
      when 'terminated' then (c.f -> 'termination' ->> 'on')::date
      when 'not_accepted' then (c.f -> 'rejection' ->> 'on')::date
      when 'transferred' then (c.f -> 'transfer' ->> 'on')::date
      when 'decided' then (c.f -> 'decision' ->> 'date')::date
      when 'concluded' then (c.f -> 'conclusion' ->> 'date')::date
    end as ended_on,
    case c.ended_by
      when 'decided' then c.f -> 'decision'
      when 'concluded' then c.f -> 'conclusion'
    end as resolution
  from c
)
insert into case_figures (
  case_id, agency_id, kind, instance, repeated, received_on, accepted_on, ended_by, ended_on, outcome,
  first_decision_upheld, dialogues,
  money_to_state, money_to_others, land_to_state, land_to_others, restored_organisations,
  restored_individuals, discipline_recommended, discipline_cadres, investigation_cases,
  investigation_persons, money_returned, land_returned, enforcement_completed
)
select
  e.id,
  e.agency_id,
  e.f ->> 'kind',
  (e.f ->> 'instance')::smallint,
  e.f ->> 'kind' = 'denunciation' and coalesce(e.f ->> 'repeatedOf', '') <> '',
  (e.f ->> 'receivedOn')::date,
  (e.f ->> 'acceptedOn')::date,
  e.ended_by,
  e.ended_on,
  e.resolution ->> 'outcome',
  case when e.resolution is not null and (e.f ->> 'instance') = '2' then (e.resolution ->> 'firstDecisionUpheld')::boolean end,
  coalesce(jsonb_array_length(case when jsonb_typeof(e.f -> 'dialogues') = 'array' then e.f -> 'dialogues' end), 0),
  coalesce((e.resolution -> 'amounts' ->> 'moneyToState')::numeric, 0),
  coalesce((e.resolution -> 'amounts' ->> 'moneyToOthers')::numeric, 0),
  coalesce((e.resolution -> 'amounts' ->> 'landToState')::numeric, 0),
  coalesce((e.resolution -> 'amounts' ->> 'landToOthers')::numeric, 0),
  coalesce((e.resolution -> 'amounts' ->> 'restoredOrganisations')::bigint, 0),
  coalesce((e.resolution -> 'amounts' ->> 'restoredIndividuals')::bigint, 0),
  coalesce((e.resolution -> 'amounts' ->> 'disciplineRecommended')::bigint, 0),
  coalesce((e.resolution -> 'amounts' ->> 'disciplineCadres')::bigint, 0),
  coalesce((e.resolution -> 'amounts' ->> 'investigationCases')::bigint, 0),
  coalesce((e.resolution -> 'amounts' ->> 'investigationPersons')::bigint, 0),
  coalesce((select sum((x ->> 'moneyReturned')::numeric) from jsonb_array_elements(
    case when jsonb_typeof(e.f -> 'enforcement') = 'array' then e.f -> 'enforcement' else '[]'::jsonb end) x), 0),
  coalesce((select sum((x ->> 'landReturned')::numeric) from jsonb_array_elements(
    case when jsonb_typeof(e.f -> 'enforcement') = 'array' then e.f -> 'enforcement' else '[]'::jsonb end) x), 0),
  coalesce((select bool_or((x ->> 'completed')::boolean) from jsonb_array_elements(
    case when jsonb_typeof(e.f -> 'enforcement') = 'array' then e.f -> 'enforcement' else '[]'::jsonb end) x), false)
from e;
