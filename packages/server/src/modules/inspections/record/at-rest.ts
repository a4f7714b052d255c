/**
 * A case-triggered inspection's typed texts at rest (issue 17). An ad hoc inspection whose ground
 * is a denunciation case of this system is typed from the case's file: its title, content, ground
 * (trigger note, sign of violation), the notes of its steps and its timeline may quote the
 * denouncer. Such an inspection is protected as its case is (identity/protected-records.ts): the
 * clear columns hold a copy with the denouncer's personal data masked and the originals are
 * sealed under the key ring, bound to the row (migration 0046; Điều 9 khoản 1, Điều 47 Luật Tố
 * cáo 2018, docs/LAW.md §8.8). The procedure kit keeps the facts and the timeline so
 * (platform/procedure.ts `keepAtRest`); this file keeps the texts. The steps and the papers read
 * the originals (loadInspection), the readers who may not see the identity the masked copy.
 */
import { normalizeForMatch } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { AuthContext } from "../../../platform/access.ts";
import { keepAtRest, openValue, sealValue, type AtRest, type Masker } from "../../../platform/procedure.ts";
import { SEALED } from "../../../platform/sealed-columns.ts";
import { maskDeep, maySeeWriters, protectedRecord } from "../../identity/protected-records.ts";

type Db = Kysely<DB> | Transaction<DB>;

export const INSPECTION_AT_REST: AtRest = {
  table: "inspection",
  timeline: "inspection",
  facts: SEALED.inspectionFacts,
  eventData: SEALED.inspectionEventData,
  async masker(db, id) {
    const record = await protectedRecord(db, "inspection", id);
    return record ? (value) => maskDeep(value, record.redact) : null;
  },
};

keepAtRest(INSPECTION_AT_REST);

/** The typed texts kept sealed for a protected inspection. */
export interface InspectionTexts {
  title: string;
  content: string;
  trigger_note: string | null;
  violation_sign: string | null;
}

interface StoredRow extends InspectionTexts {
  id: string;
  facts: unknown;
  texts_sealed: string | null;
  facts_sealed: string | null;
}

/** The row as typed: its texts and facts opened from their seals when it has them. */
export function originalRow<R extends StoredRow>(row: R): R {
  if (!row.texts_sealed && !row.facts_sealed) return row;
  const texts = row.texts_sealed ? openValue<InspectionTexts>(SEALED.inspectionTexts, row.id, row.texts_sealed) : {};
  const facts = row.facts_sealed ? openValue<unknown>(SEALED.inspectionFacts, row.id, row.facts_sealed) : row.facts;
  return { ...row, ...texts, facts };
}

/** The masker of a case-triggered inspection's texts (by its trigger case), or null. */
export async function maskerFor(db: Db, triggerCaseId: string | null): Promise<Masker | null> {
  if (!triggerCaseId) return null;
  const record = await protectedRecord(db, "case", triggerCaseId);
  return record ? (value) => maskDeep(value, record.redact) : null;
}

/**
 * The columns that store the texts: as given when the inspection is not protected, else the
 * masked copy and the originals sealed (with `id`; on insert, sealed once the id is known).
 */
export function storedTexts(mask: Masker | null, texts: InspectionTexts, id?: string) {
  if (!mask) return { ...texts, texts_sealed: null };
  return {
    ...(mask(texts) as InspectionTexts),
    texts_sealed: id ? sealValue(SEALED.inspectionTexts, id, texts) : null,
  };
}

/** Seals the texts of an inspection just inserted (the seal names the row's id). */
export async function sealInsertedTexts(trx: Transaction<DB>, id: string, texts: InspectionTexts): Promise<void> {
  await trx
    .updateTable("inspection")
    .set({ texts_sealed: sealValue(SEALED.inspectionTexts, id, texts) })
    .where("id", "=", id)
    .execute();
}

/**
 * How the caller reads an inspection's texts: as typed when it is not protected or when the
 * caller may see the denouncer (assigned to the case, or an approved request), else masked.
 */
export async function readerOf(
  db: Kysely<DB>,
  auth: AuthContext,
  id: string,
): Promise<{ protected: boolean; canView: boolean; shown: <T>(value: T) => T }> {
  const record = await protectedRecord(db, "inspection", id);
  if (!record) return { protected: false, canView: true, shown: (v) => v };
  if (await maySeeWriters(db, auth, record)) return { protected: true, canView: true, shown: (v) => v };
  return { protected: true, canView: false, shown: (v) => maskDeep(v, record.redact) };
}

/**
 * `readerOf` for the rows of a list or an export (the follow-up of recommendations): asked only
 * for the inspections that have a case as their ground, the others read as typed.
 */
export async function readersOf(
  db: Kysely<DB>,
  auth: AuthContext,
  rows: readonly { inspection_id: string; trigger_case_id: string | null }[],
): Promise<(inspectionId: string) => <T>(value: T) => T> {
  const ids = [...new Set(rows.filter((r) => r.trigger_case_id !== null).map((r) => r.inspection_id))];
  const readers = new Map(
    await Promise.all(ids.map(async (id) => [id, (await readerOf(db, auth, id)).shown] as const)),
  );
  const asTyped = <T>(value: T) => value;
  return (id) => readers.get(id) ?? asTyped;
}

/**
 * Seals what a protected inspection still keeps in clear (the clear columns are then the
 * originals): its texts when they have no seal, its facts when they have none, each timeline
 * entry without a seal; the clear columns get the masked copy and the search text is made again
 * from the masked title. Returns whether the inspection is protected (then nothing is left in
 * clear). What is sealed already is left as it is, so running it twice changes nothing.
 */
export async function sealInspectionTexts(trx: Transaction<DB>, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom("inspection")
    .select([
      "id",
      "code",
      "trigger_case_id",
      "title",
      "content",
      "trigger_note",
      "violation_sign",
      "subject_display",
      "facts",
      "texts_sealed",
      "facts_sealed",
    ])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return false;
  const mask = await maskerFor(trx, row.trigger_case_id);
  if (!mask) return false;
  if (!row.texts_sealed) {
    const texts: InspectionTexts = {
      title: row.title,
      content: row.content,
      trigger_note: row.trigger_note,
      violation_sign: row.violation_sign,
    };
    const stored = storedTexts(mask, texts, id);
    await trx
      .updateTable("inspection")
      .set({ ...stored, search_text: normalizeForMatch(`${row.code} ${stored.title} ${row.subject_display}`) })
      .where("id", "=", id)
      .execute();
  }
  if (!row.facts_sealed)
    await trx
      .updateTable("inspection")
      .set({
        facts: JSON.stringify(mask(row.facts)),
        facts_sealed: sealValue(SEALED.inspectionFacts, id, row.facts),
      })
      .where("id", "=", id)
      .execute();
  const events = await trx
    .selectFrom("inspection_event")
    .select(["id", "data"])
    .where("inspection_id", "=", id)
    .where("data_sealed", "is", null)
    .execute();
  for (const e of events)
    await trx
      .updateTable("inspection_event")
      .set({
        data: JSON.stringify(mask(e.data)),
        data_sealed: sealValue(SEALED.inspectionEventData, String(e.id), e.data),
      })
      .where("id", "=", e.id)
      .execute();
  return true;
}

/**
 * At start: seals the texts of the case-triggered inspections an earlier version (before 0046)
 * left in clear (the keys are not in the database, so a migration cannot). Only inspections with
 * something unsealed are read; one transaction per inspection. Returns how many it sealed.
 */
export async function sealClearInspections(db: Kysely<DB>): Promise<number> {
  const rows = await db
    .selectFrom("inspection as i")
    .innerJoin("resolution_case as c", "c.id", "i.trigger_case_id")
    .innerJoin("petition as p", "p.id", "c.petition_id")
    .select("i.id")
    // Protected as its case is (identity/protected-records.ts): a denunciation, or a case whose
    // letter may be one; maskerFor decides for each.
    .where((eb) =>
      eb.or([eb("c.kind", "=", "denunciation"), eb("p.kind", "is", null), eb("p.kind", "=", "denunciation")]),
    )
    .where((eb) =>
      eb.or([
        eb("i.texts_sealed", "is", null),
        eb("i.facts_sealed", "is", null),
        eb.exists(
          eb
            .selectFrom("inspection_event as e")
            .select("e.id")
            .whereRef("e.inspection_id", "=", "i.id")
            .where("e.data_sealed", "is", null),
        ),
      ]),
    )
    .execute();
  let sealed = 0;
  for (const r of rows) {
    if (await db.transaction().execute((trx) => sealInspectionTexts(trx, r.id))) sealed += 1;
  }
  return sealed;
}
