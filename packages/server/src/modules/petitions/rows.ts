/**
 * The stored petition as the other files of this module work on it: its row and facts (with the
 * earlier handling of the same matter, for the once-only guards), the update that checks nobody
 * changed it meanwhile, and what every change writes beside it (its timeline event, its clocks).
 */
import { petitionDeadlines, type PetitionFacts, type PetitionState } from "@minhbach/domain";
import type { Kysely, Transaction, Updateable } from "kysely";
import type { DB, PetitionTable } from "../../db/schema.ts";
import type { Actor } from "../../platform/audit.ts";
import { fail } from "../../platform/errors.ts";
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

/** Updates the petition if nobody changed it since `version` was read. */
export async function bump(trx: Transaction<DB>, id: string, version: number, changes: Updateable<PetitionTable>) {
  const result = await trx
    .updateTable("petition")
    .set(changes)
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) fail("VERSION_CONFLICT", "version");
}

/** A timeline event of the petition (exported for the other files of this module). */
export async function event(
  trx: Transaction<DB>,
  actor: Actor,
  petitionId: string,
  action: string,
  from: string | null,
  to: string | null,
  data: Record<string, unknown> = {},
  documentId: string | null = null,
): Promise<void> {
  await trx
    .insertInto("petition_event")
    .values({
      petition_id: petitionId,
      actor_id: actor.userId,
      actor_name: actor.name,
      action,
      from_state: from,
      to_state: to,
      data: JSON.stringify(data),
      document_id: documentId,
    })
    .execute();
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
