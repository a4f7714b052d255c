/**
 * Repairs at start for petitions an earlier version left without a clock (none on a new
 * installation). Until this version a petition proposed for acceptance could be marked accepted
 * by a step of its own, which opened no case: the petition then had no owner and no due date.
 * Such a petition goes back to "proposed for acceptance", with an event on its timeline and an
 * audit record, so that its leader opens the case that carries the clock. And a petition whose
 * clocks an earlier version had stopped too early (a transfer whose slip had not left yet) gets
 * them back. It runs once per installation (the app_setting key below records it): on a large
 * register the look for clockless petitions is a scan not worth repeating at every start.
 */
import { PETITION_CLOSED_STATES, PETITION_OPEN_WITHOUT_CLOCK, type PetitionFacts } from "@minhbach/domain";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { SYSTEM_ACTOR, type Actor } from "../../platform/audit.ts";
import { runStep } from "../../platform/procedure.ts";
import { factsOf, PETITION, syncDeadlines, withoutHistory } from "./rows.ts";

const ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Hệ thống (sửa dữ liệu khi nâng cấp)" };
const REASON = "Đơn đã được đánh dấu thụ lý nhưng chưa có vụ việc giải quyết: trả về chờ mở vụ việc.";

const DONE_KEY = "repair.petition_clocks.v1";

export async function repairPetitionClocks(db: Kysely<DB>): Promise<{ reopened: number; resynced: number } | null> {
  const done = await db.selectFrom("app_setting").select("key").where("key", "=", DONE_KEY).executeTakeFirst();
  if (done) return null;
  const orphans = await db
    .selectFrom("petition")
    .select(["id", "version"])
    .where("state", "=", "ACCEPTED")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom("resolution_case").select("id").whereRef("resolution_case.petition_id", "=", "petition.id")),
      ),
    )
    .execute();
  // Each goes back as a step of the petition procedure: version, clocks, timeline event and
  // audit in one transaction, as every other step writes them.
  for (const orphan of orphans) {
    await runStep(db, ACTOR, PETITION, {
      id: orphan.id,
      version: orphan.version,
      // The system mends its own data at start: no user's scope to check.
      authorize: async () => {},
      transition: (row): PetitionFacts => ({ ...factsOf(row), status: "PROPOSED_FOR_ACCEPTANCE" }),
      changes: (_trx, row, next) => ({
        state: next.status,
        facts: JSON.stringify({ ...(row.facts as object), ...withoutHistory(next) }),
      }),
      event: (row, next) => ({
        action: "reopened_for_case",
        from: row.state,
        to: next.status,
        data: { reason: REASON },
      }),
      audit: (row) => ({ action: "petition.reopened_for_case", summary: { code: row.code, reason: REASON } }),
    });
  }

  const clockless = await db
    .selectFrom("petition")
    .selectAll()
    .where("state", "not in", [...PETITION_CLOSED_STATES, ...Object.keys(PETITION_OPEN_WITHOUT_CLOCK)] as string[])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("tracked_deadline")
            .select("tracked_deadline.id")
            .where("tracked_deadline.entity_type", "=", "petition")
            .where(sql<boolean>`tracked_deadline.entity_id = petition.id::text`)
            .where("tracked_deadline.open", "=", true),
        ),
      ),
    )
    .execute();
  for (const row of clockless) {
    await db.transaction().execute((trx) => syncDeadlines(trx, row.id, row.agency_id, row.code, factsOf(row)));
  }
  const result = { reopened: orphans.length, resynced: clockless.length };
  await db
    .insertInto("app_setting")
    .values({ key: DONE_KEY, value: JSON.stringify(result) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return result;
}
