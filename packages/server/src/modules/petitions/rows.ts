/**
 * The stored petition as the other files of this module work on it: its row and facts (with the
 * earlier handling of the same matter, for the once-only guards), its clocks, and the petition as
 * a procedure of the kit (platform/procedure.ts), which runs each step's versioned write, clocks,
 * timeline event and audit in one transaction.
 */
import { petitionDeadlines, type PetitionFacts, type PetitionState } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { fail } from "../../platform/errors.ts";
import type { Procedure } from "../../platform/procedure.ts";
import { trackDeadline } from "../calendar/service.ts";

export async function loadRow(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom("petition").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) fail("NOT_FOUND", "id", "Không tìm thấy đơn.");
  return row;
}

export type PetitionRow = Awaited<ReturnType<typeof loadRow>>;

export function factsOf(row: PetitionRow): PetitionFacts {
  return { ...(row.facts as PetitionFacts), id: row.id, status: row.state as PetitionState };
}

/** Earlier handling of the same matter (confirmed duplicates), for the once-only guards. */
export async function withHistory(db: Kysely<DB>, row: PetitionRow): Promise<PetitionFacts> {
  const others = await db
    .selectFrom("petition")
    .select(["id", "outcome", "outcome_on"])
    .where("matter_id", "=", row.matter_id)
    .where("id", "<>", row.id)
    .where("outcome", "is not", null)
    .execute();
  return {
    ...factsOf(row),
    sameContentHistory: others.map((o) => ({ petitionId: o.id, outcome: o.outcome as never, on: o.outcome_on! })),
  };
}

export function withoutHistory(f: PetitionFacts): PetitionFacts {
  const { sameContentHistory: _h, ...rest } = f;
  return rest;
}

/** Registers the clocks running on the petition now, and closes those that stopped. */
export async function syncDeadlines(
  trx: Transaction<DB>,
  petitionId: string,
  agencyId: string,
  code: string,
  facts: PetitionFacts,
) {
  const running = petitionDeadlines(facts);
  await trx
    .updateTable("tracked_deadline")
    .set({ open: false, updated_at: new Date() })
    .where("entity_type", "=", "petition")
    .where("entity_id", "=", petitionId)
    .where("rule_id", "not in", running.length ? running.map((d) => d.rule) : [""])
    .execute();
  let due: string | null = null;
  for (const d of running) {
    const value = await trackDeadline(trx, {
      agencyId,
      entityType: "petition",
      entityId: petitionId,
      label: `Đơn ${code}: ${d.purpose}`,
      input: {
        rule: d.rule,
        from: d.from,
        ...(d.variant ? { variant: d.variant } : {}),
        ...(d.extensions ? { extensions: d.extensions } : {}),
      },
    });
    if (!due || value < due) due = value;
  }
  await trx.updateTable("petition").set({ due_on: due }).where("id", "=", petitionId).execute();
}

/** Petition handling as a procedure of the kit: its steps go through `runStep`. */
export const PETITION: Procedure<"petition", PetitionRow, PetitionFacts> = {
  table: "petition",
  entityType: "petition",
  timeline: "petition",
  load: (db, id) => loadRow(db, id),
  syncDeadlines: (trx, row, facts) => syncDeadlines(trx, row.id, row.agency_id, row.code, facts),
};
