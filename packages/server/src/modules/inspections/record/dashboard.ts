/**
 * The home page's inspection cards, in the caller's inspection.read scope: inspections decided
 * and not yet concluded; those whose conclusion is past its due date (its next due date is the
 * assignment to draft, the draft or the signature, and it has passed); the recommendations still
 * open (neither done nor closed) that are overdue, or due within the next days.
 */
import { todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { inScope, type AuthContext } from "../../../platform/access.ts";

/** States of an inspection decided and not yet concluded. */
const IN_PROGRESS = [
  "DECIDED",
  "PLANNED",
  "ONSITE",
  "SUSPENDED",
  "ONSITE_ENDED",
  "REPORTED",
  "DRAFTING",
  "DRAFTED",
  "APPRAISED",
] as const;

const CONCLUSION_RULES = ["inspection.conclusion.assign", "inspection.conclusion.draft", "inspection.conclusion.sign"];

export async function inspectionDashboard(db: Kysely<DB>, auth: AuthContext, query: { days: number }) {
  const today = todayInVietnam();
  const until = addDays(today, query.days);
  const inspections = await db
    .selectFrom("inspection as i")
    .where(inScope(auth, "inspection.read", "i.agency_id"))
    .select([
      sql<string>`count(*) filter (where i.state in (${sql.join(IN_PROGRESS.map((s) => sql`${s}`))}))`.as(
        "in_progress",
      ),
      sql<string>`count(*) filter (where i.signed_on is null and i.due_rule in (${sql.join(
        CONCLUSION_RULES.map((r) => sql`${r}`),
      )}) and i.due_on < ${today})`.as("overdue"),
    ])
    .executeTakeFirstOrThrow();
  const recommendations = await db
    .selectFrom("inspection_recommendation as r")
    .where(inScope(auth, "inspection.read", "r.agency_id"))
    .where("r.concluded_on", "is not", null)
    .where("r.closed_on", "is", null)
    .where("r.done_on", "is", null)
    .select([
      sql<string>`count(*) filter (where r.due_key < ${today})`.as("overdue"),
      sql<string>`count(*) filter (where r.due_key >= ${today} and r.due_key <= ${until})`.as("due_soon"),
    ])
    .executeTakeFirstOrThrow();
  return {
    inProgress: Number(inspections.in_progress),
    overdueConclusions: Number(inspections.overdue),
    recommendationsOverdue: Number(recommendations.overdue),
    recommendationsDueSoon: Number(recommendations.due_soon),
    dueWithinDays: query.days,
  };
}
