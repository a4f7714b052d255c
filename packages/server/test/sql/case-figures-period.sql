-- Case figures of agencies over a report period (modules/cases/figures.ts).
-- Written by packages/server/test/sql-snapshots.test.ts, which fails when this SQL changes.
-- Reviewer: read this file's diff as the change to what the report counts. To accept a
-- deliberate change: UPDATE_SQL_SNAPSHOTS=1 node scripts/test.mjs sql-snapshots

select "kind",
 "instance",
 grouping(instance) as "all_instances",
 count(*) filter(where ("accepted_on" < $1 and ("ended_on" is null or "ended_on" >= $2))) as "carried_over",
 count(*) filter(where ("accepted_on" >= $3 and "accepted_on" <= $4)) as "accepted",
 count(*) filter(where ("accepted_on" <= $5 and ("ended_on" is null or "ended_on" > $6))) as "in_progress_at_end",
 count(*) filter(where ("ended_by" in ($7, $8) and "ended_on" >= $9 and "ended_on" <= $10)) as "resolved",
 count(*) filter(where (("ended_by" in ($11, $12) and "ended_on" >= $13 and "ended_on" <= $14) and "outcome" = $15)) as "right",
 count(*) filter(where (("ended_by" in ($16, $17) and "ended_on" >= $18 and "ended_on" <= $19) and "outcome" = $20)) as "partly_right",
 count(*) filter(where (("ended_by" in ($21, $22) and "ended_on" >= $23 and "ended_on" <= $24) and "outcome" = $25)) as "wrong",
 count(*) filter(where ("repeated" = $26 and "accepted_on" >= $27 and "accepted_on" <= $28)) as "repeated_accepted",
 count(*) filter(where ("repeated" = $29 and ("ended_by" in ($30, $31) and "ended_on" >= $32 and "ended_on" <= $33))) as "repeated_resolved",
 count(*) filter(where ("repeated" = $34 and ("ended_by" in ($35, $36) and "ended_on" >= $37 and "ended_on" <= $38) and "outcome" = $39)) as "repeated_right",
 count(*) filter(where ("repeated" = $40 and ("ended_by" in ($41, $42) and "ended_on" >= $43 and "ended_on" <= $44) and "outcome" = $45)) as "repeated_partly_right",
 count(*) filter(where ("repeated" = $46 and ("ended_by" in ($47, $48) and "ended_on" >= $49 and "ended_on" <= $50) and "outcome" = $51)) as "repeated_wrong",
 count(*) filter(where (("ended_by" in ($52, $53) and "ended_on" >= $54 and "ended_on" <= $55) and "first_decision_upheld" = $56)) as "first_decision_upheld",
 count(*) filter(where (("ended_by" in ($57, $58) and "ended_on" >= $59 and "ended_on" <= $60) and "first_decision_upheld" = $61)) as "first_decision_changed",
 count(*) filter(where ("ended_by" = $62 and "ended_on" >= $63 and "ended_on" <= $64)) as "withdrawn",
 count(*) filter(where ("ended_by" = $65 and "ended_on" >= $66 and "ended_on" <= $67)) as "terminated",
 count(*) filter(where ("ended_by" = $68 and "ended_on" >= $69 and "ended_on" <= $70)) as "not_accepted",
 count(*) filter(where ("ended_by" = $71 and "ended_on" >= $72 and "ended_on" <= $73)) as "transferred",
 count(*) filter(where (("ended_by" in ($74, $75) and "ended_on" >= $76 and "ended_on" <= $77) and "on_time" = $78)) as "on_time",
 count(*) filter(where (("ended_by" in ($79, $80) and "ended_on" >= $81 and "ended_on" <= $82) and "on_time" = $83)) as "late",
 sum("dialogues") filter(where ("ended_by" in ($84, $85) and "ended_on" >= $86 and "ended_on" <= $87)) as "dialogues",
 sum("money_to_state") filter(where ("ended_by" in ($88, $89) and "ended_on" >= $90 and "ended_on" <= $91)) as "money_to_state",
 sum("money_to_others") filter(where ("ended_by" in ($92, $93) and "ended_on" >= $94 and "ended_on" <= $95)) as "money_to_others",
 sum("land_to_state") filter(where ("ended_by" in ($96, $97) and "ended_on" >= $98 and "ended_on" <= $99)) as "land_to_state",
 sum("land_to_others") filter(where ("ended_by" in ($100, $101) and "ended_on" >= $102 and "ended_on" <= $103)) as "land_to_others",
 sum("restored_organisations") filter(where ("ended_by" in ($104, $105) and "ended_on" >= $106 and "ended_on" <= $107)) as "restored_organisations",
 sum("restored_individuals") filter(where ("ended_by" in ($108, $109) and "ended_on" >= $110 and "ended_on" <= $111)) as "restored_individuals",
 sum("discipline_recommended") filter(where ("ended_by" in ($112, $113) and "ended_on" >= $114 and "ended_on" <= $115)) as "discipline_recommended",
 sum("discipline_cadres") filter(where ("ended_by" in ($116, $117) and "ended_on" >= $118 and "ended_on" <= $119)) as "discipline_cadres",
 sum("investigation_cases") filter(where ("ended_by" in ($120, $121) and "ended_on" >= $122 and "ended_on" <= $123)) as "investigation_cases",
 sum("investigation_persons") filter(where ("ended_by" in ($124, $125) and "ended_on" >= $126 and "ended_on" <= $127)) as "investigation_persons",
 sum("money_returned") filter(where ("ended_by" in ($128, $129) and "ended_on" >= $130 and "ended_on" <= $131)) as "money_returned",
 sum("land_returned") filter(where ("ended_by" in ($132, $133) and "ended_on" >= $134 and "ended_on" <= $135)) as "land_returned",
 count(*) filter(where (("ended_by" in ($136, $137) and "ended_on" >= $138 and "ended_on" <= $139) and "enforcement_completed" = $140)) as "enforcement_completed"
from "case_figures"
where "agency_id" in ($141, $142) and (("ended_on" is null or "ended_on" >= $143) and ("accepted_on" <= $144 or "ended_on" <= $145))
group by grouping sets ((kind, instance), (kind))
order by "kind",
 instance nulls first,
 "all_instances";
-- parameters: ["2025-12-15","2025-12-15","2025-12-15","2026-06-14","2026-06-14","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","right","decided","concluded","2025-12-15","2026-06-14","partly_right","decided","concluded","2025-12-15","2026-06-14","wrong",true,"2025-12-15","2026-06-14",true,"decided","concluded","2025-12-15","2026-06-14",true,"decided","concluded","2025-12-15","2026-06-14","right",true,"decided","concluded","2025-12-15","2026-06-14","partly_right",true,"decided","concluded","2025-12-15","2026-06-14","wrong","decided","concluded","2025-12-15","2026-06-14",true,"decided","concluded","2025-12-15","2026-06-14",false,"withdrawn","2025-12-15","2026-06-14","terminated","2025-12-15","2026-06-14","not_accepted","2025-12-15","2026-06-14","transferred","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14",true,"decided","concluded","2025-12-15","2026-06-14",false,"decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14","decided","concluded","2025-12-15","2026-06-14",true,"00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000002","2025-12-15","2026-06-14","2026-06-14"]
