-- The duplicate check on intake (petitions/service.ts findDuplicates, quality target: under 20 ms
-- at p95 with millions of petitions) takes the most recent petitions naming the same respondent.
-- The GIN index on respondent_keys finds them but cannot give them newest first: a respondent
-- many people write about (a province's electricity company, a commune's People's Committee)
-- matched thousands of petitions, every one read and sorted, and only the newest 200 were scored,
-- so an older letter of the same person could fall out of the candidates. This table, kept by
-- a trigger whatever path writes the petition, lists each respondent key with its petitions in
-- date order, so "the newest N about this respondent" reads N index entries.
create table petition_respondent_key (
  key text not null,
  received_on date not null,
  petition_id uuid not null references petition (id) on delete cascade,
  primary key (key, received_on, petition_id)
);
create index petition_respondent_key_petition_idx on petition_respondent_key (petition_id);

create function petition_respondent_key_sync() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if new.respondent_keys is not distinct from old.respondent_keys and new.received_on = old.received_on then
      return null;
    end if;
    delete from petition_respondent_key where petition_id = new.id;
  end if;
  insert into petition_respondent_key (key, received_on, petition_id)
    select distinct k, new.received_on, new.id from unnest(new.respondent_keys) as k where k <> '';
  return null;
end $$;

create trigger petition_respondent_key_sync after insert or update of respondent_keys, received_on on petition
  for each row execute function petition_respondent_key_sync();

insert into petition_respondent_key (key, received_on, petition_id)
  select distinct k, p.received_on, p.id from petition p, unnest(p.respondent_keys) as k where k <> '';

-- The GIN index served only that lookup.
drop index petition_respondent_keys_idx;
