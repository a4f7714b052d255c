-- The reporting graph (docs/LAW.md §11.3, §11.8): "unit X reports to Y from date D (until date E)",
-- effective-dated so that the 2025 reorganisation and the next one are data. A unit without a line
-- on a date reports to its parent in the agency tree. Lines of one unit never overlap: the domain
-- checks it (reports/graph.ts) and the trigger below refuses it too, under a lock on the unit's
-- agency row (an exclusion constraint would need btree_gist, which PGlite does not ship).
create table reporting_line (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agency (id),
  reports_to_id uuid not null references agency (id),
  valid_from date not null,
  valid_to date,
  basis text not null check (length(btrim(basis)) > 0),
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  closed_by uuid references app_user (id),
  closed_at timestamptz,
  close_basis text,
  version integer not null default 1,
  constraint reporting_line_not_self check (agency_id <> reports_to_id),
  constraint reporting_line_range check (valid_to is null or valid_to >= valid_from)
);
create index reporting_line_agency_idx on reporting_line (agency_id, valid_from);
create index reporting_line_reports_to_idx on reporting_line (reports_to_id);

create or replace function reporting_line_no_overlap() returns trigger
  language plpgsql as $$
begin
  perform 1 from agency where id = new.agency_id for update;
  if exists (
    select 1 from reporting_line l
    where l.agency_id = new.agency_id and l.id <> new.id
      and l.valid_from <= coalesce(new.valid_to, date '9999-12-31')
      and coalesce(l.valid_to, date '9999-12-31') >= new.valid_from
  ) then
    raise exception 'reporting_line_overlap' using errcode = '23P01';
  end if;
  return new;
end $$;

create trigger reporting_line_no_overlap before insert or update on reporting_line
  for each row execute function reporting_line_no_overlap();

-- Emulation clusters (cụm thi đua, table agency_group of 0001): members join and leave on dates,
-- and a cluster may name its lead agency (trưởng cụm), whose users read the cluster's report.
alter table agency_group add column lead_agency_id uuid references agency (id);
alter table agency_group_member add column valid_from date not null default date '1900-01-01';
alter table agency_group_member add column valid_to date;
alter table agency_group_member add constraint agency_group_member_range
  check (valid_to is null or valid_to >= valid_from);

-- The succession of merged units (predecessor → successor, effective date) is agency_lineage (0001):
-- the same-period-last-year column counts the predecessors' records under their successor.
