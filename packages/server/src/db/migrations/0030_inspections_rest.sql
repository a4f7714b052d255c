-- The rest of issue 17 (inspections).
--
-- A plan's decision is signed in the system like a case's papers: the version keeps who signed it
-- (the signature block of the issued paper, or as typed for a decision signed outside the system)
-- and whether it was issued outside the system (its number then typed, no paper drafted).
alter table inspection_plan_version add column signer text;
alter table inspection_plan_version add column issued_outside boolean not null default false;

-- An inspection started from a plan item records the item (0026 kept the column without its key,
-- the plan tables arriving in 0025 of another branch).
alter table inspection
  add constraint inspection_plan_item_fk foreign key (plan_item_id) references inspection_plan_item (id);
create index inspection_plan_item_idx on inspection (plan_item_id) where plan_item_id is not null;

-- A planned inspection writes its own occurrences (so the overlap check sees it, whatever becomes
-- of the item); `carries_out` names the plan item it carries out, so the item and its inspection
-- count as one activity, not as an overlap of the subject with itself.
alter table inspection_occurrence add column carries_out uuid references inspection_plan_item (id);
