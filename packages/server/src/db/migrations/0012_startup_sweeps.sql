-- At every start the server looks for rows an earlier version left unsealed or without their list
-- text (start.ts prepareDatabase). Without these partial indexes each look is a full scan of the
-- petition and reception_visit tables; with them it reads an index that is empty once swept.
create index petition_excerpt_missing_idx on petition (id) where excerpt is null;
create index reception_visit_unsealed_idx on reception_visit (id) where people_sealed is null;
