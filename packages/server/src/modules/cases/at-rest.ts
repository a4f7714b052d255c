/**
 * A protected case's typed texts at rest. What its resolvers type in its steps (a verification
 * note, a conclusion's findings, a reason, the measures) and what its timeline keeps of them may
 * quote the denouncer ("làm việc với bà …, ĐT …"): for a case whose writers are protected (a
 * denunciation, or a case whose letter may be one; identity/protected-records.ts) the clear
 * `facts` and each entry's `data` hold a copy with the writers' personal data masked, and the
 * originals are sealed under the key ring, bound to their rows (migration 0040; Điều 9 khoản 1,
 * Điều 47 Luật Tố cáo 2018, docs/LAW.md §6.6). The procedure kit writes both on every step
 * (platform/procedure.ts `keepAtRest`); the state machine and the papers drafted from the facts
 * read the original, those who may not see the identity the masked copy.
 */
import type { CaseFacts } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { keepAtRest, openValue, sealValue, type AtRest } from "../../platform/procedure.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { maskDeep, protectedRecord } from "../identity/protected-records.ts";

export const CASE_AT_REST: AtRest = {
  table: "resolution_case",
  timeline: "case",
  facts: SEALED.caseFacts,
  eventData: SEALED.caseEventData,
  async masker(db, id) {
    const record = await protectedRecord(db, "case", id);
    return record ? (value) => maskDeep(value, record.redact) : null;
  },
};

keepAtRest(CASE_AT_REST);

/** The case's facts as typed: the sealed original when there is one, else the clear column (which is it). */
export function originalFacts(row: { id: string; facts: unknown; facts_sealed: string | null }): CaseFacts {
  return (row.facts_sealed ? openValue(SEALED.caseFacts, row.id, row.facts_sealed) : row.facts) as CaseFacts;
}

/**
 * Seals the facts and timeline of one case if it is protected (the facts and the entries as they
 * are in clear are the originals). Returns whether it sealed anything.
 */
export async function sealCaseTexts(trx: Transaction<DB>, caseId: string): Promise<boolean> {
  const mask = await CASE_AT_REST.masker(trx, caseId);
  if (!mask) return false;
  const row = await trx
    .selectFrom("resolution_case")
    .select(["facts"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("resolution_case")
    .set({ facts: JSON.stringify(mask(row.facts)), facts_sealed: sealValue(SEALED.caseFacts, caseId, row.facts) })
    .where("id", "=", caseId)
    .execute();
  const events = await trx
    .selectFrom("case_event")
    .select(["id", "data"])
    .where("case_id", "=", caseId)
    .where("data_sealed", "is", null)
    .execute();
  for (const e of events) {
    await trx
      .updateTable("case_event")
      .set({ data: JSON.stringify(mask(e.data)), data_sealed: sealValue(SEALED.caseEventData, String(e.id), e.data) })
      .where("id", "=", e.id)
      .execute();
  }
  return true;
}

/**
 * At start: seals the texts of the denunciation cases an earlier version left in clear (the keys
 * are not in the database, so a migration cannot). One transaction per case.
 */
export async function sealClearCases(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .selectFrom("resolution_case")
    .select("id")
    .where("kind", "=", "denunciation")
    .where("facts_sealed", "is", null)
    .execute();
  let sealed = 0;
  for (const r of rows) {
    if (await db.transaction().execute((trx) => sealCaseTexts(trx, r.id))) sealed += 1;
  }
  return sealed;
}
