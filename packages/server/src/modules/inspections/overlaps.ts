/**
 * Where the once-a-year rule (domain inspections/overlap.ts) meets the data: every plan item,
 * inspection decided outside a plan and imported State Audit entry writes its occurrences here,
 * and the check reads them across every agency of the installation (one indexed lookup per
 * subject and year).
 */
import {
  overlapsOf,
  type Occurrence,
  type OccurrenceCandidate,
  type OccurrenceSource,
  type Overlap,
} from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface OverlapView extends Overlap {
  agencyName: string;
}

/**
 * The overlaps of candidates (one per subject) with what is saved, the candidate's own source
 * left out so that editing an item does not find itself.
 */
export async function findOverlaps(
  db: Db,
  candidates: readonly OccurrenceCandidate[],
  own?: { source: OccurrenceSource; sourceId: string },
): Promise<OverlapView[]> {
  if (candidates.length === 0) return [];
  const subjectIds = [...new Set(candidates.map((c) => c.subjectId))];
  const years = [...new Set(candidates.map((c) => c.year))];
  let query = db
    .selectFrom("inspection_occurrence as o")
    .innerJoin("agency as a", "a.id", "o.agency_id")
    .select([
      "o.subject_id",
      "o.year",
      "o.activity",
      "o.source",
      "o.source_id",
      "o.agency_id",
      "o.content_field",
      "o.ad_hoc",
      "o.carries_out",
      "a.name as agency_name",
    ])
    .where("o.subject_id", "in", subjectIds)
    .where("o.year", "in", years)
    .where("o.cancelled", "=", false);
  if (own)
    query = query.where((eb) =>
      eb.not(eb.and([eb("o.source", "=", own.source), eb("o.source_id", "=", own.sourceId)])),
    );
  const rows = await query.execute();
  const names = new Map<string, string>();
  const existing: Occurrence[] = rows.map((r) => {
    names.set(r.agency_id, r.agency_name);
    return {
      subjectId: r.subject_id,
      year: r.year,
      activity: r.activity,
      source: r.source,
      sourceId: r.source_id,
      agencyId: r.agency_id,
      contentField: r.content_field,
      adHoc: r.ad_hoc,
      carriesOut: r.carries_out,
    };
  });
  return candidates.flatMap((c) =>
    overlapsOf(c, existing).map((o) => ({ ...o, agencyName: names.get(o.other.agencyId) ?? "" })),
  );
}

/** Replaces the occurrences of one source (a plan item, an inspection) with the given ones. */
export async function writeOccurrences(
  trx: Transaction<DB>,
  source: { source: OccurrenceSource; sourceId: string; agencyId: string },
  // Any activity, a State Audit entry's too (the candidate type allows only inspection and check).
  rows: readonly (Omit<OccurrenceCandidate, "activity"> & { activity: Occurrence["activity"] })[],
): Promise<void> {
  await trx
    .deleteFrom("inspection_occurrence")
    .where("source", "=", source.source)
    .where("source_id", "=", source.sourceId)
    .execute();
  if (rows.length === 0) return;
  await trx
    .insertInto("inspection_occurrence")
    .values(
      rows.map((r) => ({
        subject_id: r.subjectId,
        year: r.year,
        activity: r.activity,
        source: source.source,
        source_id: source.sourceId,
        agency_id: source.agencyId,
        content_field: r.contentField,
        ad_hoc: r.adHoc,
        carries_out: r.carriesOut ?? null,
      })),
    )
    .execute();
}

/** A cancelled or postponed item stops counting as an overlap; its rows stay for history. */
export async function cancelOccurrences(
  trx: Transaction<DB>,
  source: OccurrenceSource,
  sourceId: string,
  cancelled = true,
): Promise<void> {
  await trx
    .updateTable("inspection_occurrence")
    .set({ cancelled })
    .where("source", "=", source)
    .where("source_id", "=", sourceId)
    .execute();
}
