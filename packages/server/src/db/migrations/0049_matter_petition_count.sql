-- How many petitions each matter holds, and on each petition whether its matter holds others,
-- kept by a trigger whatever path writes the petition (intake, joining a matter, the demo and the
-- bench loaders). The periodic reports count matters ("07 đơn/07 vụ việc", docs/LAW.md §11.7):
-- a matter of one petition is that petition, so the report's single pass over the petitions
-- counts petitions, and keeps apart by matter only the few whose matter holds several
-- (petition.matter_shared), instead of sorting every counted petition by matter.
alter table matter add column petition_count integer not null default 0;
alter table petition add column matter_shared boolean not null default false;

update matter m set petition_count = c.n
  from (select matter_id, count(*)::int as n from petition group by matter_id) c
  where c.matter_id = m.id;
update petition p set matter_shared = true
  from matter m where m.id = p.matter_id and m.petition_count > 1;

create function matter_petition_count_sync() returns trigger
  language plpgsql as $$
declare
  n integer;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update matter set petition_count = petition_count - 1 where id = old.matter_id returning petition_count into n;
    if n = 1 then
      update petition set matter_shared = false where matter_id = old.matter_id and matter_shared;
    end if;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    update matter set petition_count = petition_count + 1 where id = new.matter_id returning petition_count into n;
    if n > 1 then
      update petition set matter_shared = true where matter_id = new.matter_id and not matter_shared;
    end if;
  end if;
  return null;
end $$;

create trigger matter_petition_count_insert after insert on petition
  for each row execute function matter_petition_count_sync();
create trigger matter_petition_count_update after update of matter_id on petition
  for each row when (old.matter_id is distinct from new.matter_id) execute function matter_petition_count_sync();
create trigger matter_petition_count_delete after delete on petition
  for each row execute function matter_petition_count_sync();
