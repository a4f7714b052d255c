-- The leader's case dashboard, scope "own" (modules/cases/service.ts caseDashboard).
-- Written by packages/server/test/sql-snapshots.test.ts, which fails when this SQL changes.
-- Reviewer: read this file's diff as the change to what the report counts. To accept a
-- deliberate change: UPDATE_SQL_SNAPSHOTS=1 node scripts/test.mjs sql-snapshots

select count(*) as "n"
from "resolution_case" as "c"
where "c"."agency_id" = $1 and "c"."state" not in ($2, $3, $4, $5, $6) and "c"."due_on" < $7;
-- parameters: ["00000000-0000-4000-8000-000000000001","NOT_ACCEPTED","TRANSFERRED","CLOSED","WITHDRAWN","TERMINATED","2026-12-06"]

select count(*) as "n"
from "resolution_case" as "c"
where "c"."agency_id" = $1 and "c"."state" not in ($2, $3, $4, $5, $6) and "c"."due_on" >= $7 and "c"."due_on" <= $8;
-- parameters: ["00000000-0000-4000-8000-000000000001","NOT_ACCEPTED","TRANSFERRED","CLOSED","WITHDRAWN","TERMINATED","2026-12-06","2026-12-13"]

select count(*) as "n"
from "resolution_case" as "c"
where "c"."agency_id" = $1 and exists (select 1 from official_document d where d.entity_type = 'case' and d.entity_id = c.id::text and d.status = 'submitted');
-- parameters: ["00000000-0000-4000-8000-000000000001"]

select "u"."id" as "user_id",
 "u"."full_name",
 count(*) as "open",
 sum(case when c.due_on is not null and c.due_on < $1 then 1 else 0 end) as "overdue"
from "resolution_case" as "c"
inner join "app_user" as "u" on "u"."id" = "c"."holder_id"
where "c"."agency_id" = $2 and "c"."state" not in ($3, $4, $5, $6, $7)
group by "u"."id",
 "u"."full_name"
order by "u"."full_name";
-- parameters: ["2026-12-06","00000000-0000-4000-8000-000000000001","NOT_ACCEPTED","TRANSFERRED","CLOSED","WITHDRAWN","TERMINATED"]

select "c"."kind",
 count(*) as "n"
from "resolution_case" as "c"
where "c"."agency_id" = $1 and "c"."state" not in ($2, $3, $4, $5, $6)
group by "c"."kind";
-- parameters: ["00000000-0000-4000-8000-000000000001","NOT_ACCEPTED","TRANSFERRED","CLOSED","WITHDRAWN","TERMINATED"]

select count(*) as "n"
from "identity_request" as "r"
where "r"."agency_id" = $1 and "r"."status" = $2;
-- parameters: ["00000000-0000-4000-8000-000000000001","pending"]
