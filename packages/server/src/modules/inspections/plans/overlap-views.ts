/**
 * The overlaps of plan items as the plan page and the check-before-save show them: each with the
 * other side named (agency, what it is), its resolution if one was recorded, and whether it still
 * blocks saving. One read of the occurrences of the year for all the subjects asked about; the
 * rule is the domain's (overlapsOf), so it weighs the same as findOverlaps does.
 */
import {
  OVERLAP_KIND_LABELS,
  overlapRefusal,
  overlapsOf,
  PLAN_ACTIVITIES,
  RESOLUTION_OUTCOMES,
  resolutionAllowsSameYear,
  type Occurrence,
  type OccurrenceCandidate,
  type ResolutionOutcome,
} from "@minhbach/domain";
import type { OverlapViewBody } from "@minhbach/domain/api/inspection-plans";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ItemCandidate {
  /** The item being checked (null for one not saved yet): its own occurrences are left out. */
  itemId: string | null;
  subjectIds: readonly string[];
  activity: "inspection" | "check";
  field: string | null;
}

interface OccurrenceRow extends Occurrence {
  agencyName: string;
  subjectName: string;
  subjectKind: string;
  /** What the other side is, in words (a plan item's content, the State Audit plan, an inspection). */
  label: string;
}

/**
 * The live occurrences of these subjects in the year, with their agency's name and, for a plan
 * item, its content: one indexed read (subject, year) per thousand subjects.
 */
export async function occurrencesOf(db: Db, subjectIds: readonly string[], year: number): Promise<OccurrenceRow[]> {
  if (subjectIds.length === 0) return [];
  const out: OccurrenceRow[] = [];
  const ids = [...new Set(subjectIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom("inspection_occurrence as o")
      .innerJoin("agency as a", "a.id", "o.agency_id")
      .innerJoin("inspection_subject as s", "s.id", "o.subject_id")
      .leftJoin("inspection_plan_item as i", (j) =>
        j.onRef("i.id", "=", "o.source_id").on("o.source", "=", "plan_item"),
      )
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
        "s.name as subject_name",
        "s.kind as subject_kind",
        "i.content as item_content",
        "i.activity as item_activity",
      ])
      .where("o.subject_id", "in", ids.slice(i, i + 1000))
      .where("o.year", "=", year)
      .where("o.cancelled", "=", false)
      .execute();
    for (const r of rows)
      out.push({
        subjectId: r.subject_id,
        year: r.year,
        activity: r.activity,
        source: r.source,
        sourceId: r.source_id,
        agencyId: r.agency_id,
        contentField: r.content_field,
        adHoc: r.ad_hoc,
        carriesOut: r.carries_out,
        agencyName: r.agency_name,
        subjectName: r.subject_name,
        subjectKind: r.subject_kind,
        label:
          r.source === "plan_item" && r.item_content !== null && r.item_activity !== null
            ? `${PLAN_ACTIVITIES[r.item_activity]} theo kế hoạch: ${r.item_content}`
            : r.source === "state_audit_plan"
              ? `Kế hoạch kiểm toán năm ${year} của Kiểm toán nhà nước`
              : r.ad_hoc
                ? "Cuộc thanh tra, kiểm tra đột xuất"
                : "Cuộc thanh tra, kiểm tra đã quyết định",
      });
  }
  return out;
}

interface ResolutionRow {
  id: string;
  subject_id: string;
  agency_id: string;
  other_source_id: string;
  other_agency_id: string;
  outcome: ResolutionOutcome;
  reason: string | null;
  decided_by_name: string | null;
  created_at: Date;
  agency_name: string;
}

async function resolutionsOf(db: Db, subjectIds: readonly string[], year: number): Promise<ResolutionRow[]> {
  const ids = [...new Set(subjectIds)];
  const out: ResolutionRow[] = [];
  for (let i = 0; i < ids.length; i += 1000) out.push(...(await resolutionsChunk(db, ids.slice(i, i + 1000), year)));
  // Newest first across the chunks, as each chunk is ordered.
  return out.sort(
    (a, b) => +new Date(b.created_at) - +new Date(a.created_at) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
  );
}

async function resolutionsChunk(db: Db, subjectIds: readonly string[], year: number): Promise<ResolutionRow[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom("inspection_overlap_resolution as r")
    .innerJoin("agency as a", "a.id", "r.agency_id")
    .select([
      "r.id",
      "r.subject_id",
      "r.agency_id",
      "r.other_source_id",
      "r.other_agency_id",
      "r.outcome",
      "r.reason",
      "r.decided_by_name",
      "r.created_at",
      "a.name as agency_name",
    ])
    .where("r.subject_id", "in", subjectIds)
    .where("r.year", "=", year)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .execute();
  return rows as ResolutionRow[];
}

/**
 * The overlaps of each candidate, as views. `agencyId` is the agency of the plan the candidates
 * belong to: its resolutions of an overlap count, and so do those the other agency recorded
 * against the candidate's own item.
 */
export async function overlapViews(
  db: Db,
  input: { year: number; agencyId: string; candidates: readonly ItemCandidate[] },
): Promise<OverlapViewBody[][]> {
  const subjectIds = [...new Set(input.candidates.flatMap((c) => c.subjectIds))];
  if (subjectIds.length === 0) return input.candidates.map(() => []);
  // The common case, no occurrence of these subjects in the year, costs one read; the
  // resolutions are read only when there is something they could resolve.
  const existing = await occurrencesOf(db, subjectIds, input.year);
  const resolutions = existing.length ? await resolutionsOf(db, subjectIds, input.year) : [];
  const subjectOf = new Map(existing.map((o) => [o.subjectId, { name: o.subjectName, kind: o.subjectKind }]));
  const names = new Map(existing.map((o) => [o.agencyId, o.agencyName]));
  const labels = new Map(existing.map((o) => [o.sourceId, o.label]));
  return input.candidates.map((c) => {
    // The item's own occurrences, and those of the inspections carrying it out, are no overlap.
    const others = c.itemId
      ? existing.filter((o) => !(o.source === "plan_item" && o.sourceId === c.itemId) && o.carriesOut !== c.itemId)
      : existing;
    const out: OverlapViewBody[] = [];
    for (const subjectId of c.subjectIds) {
      const candidate: OccurrenceCandidate = {
        subjectId,
        year: input.year,
        activity: c.activity,
        contentField: c.field,
        adHoc: false,
      };
      for (const o of overlapsOf(candidate, others)) {
        const resolution = resolutions.find(
          (r) =>
            r.subject_id === subjectId &&
            ((r.agency_id === input.agencyId && r.other_source_id === o.other.sourceId) ||
              (c.itemId !== null && r.other_source_id === c.itemId && r.agency_id === o.other.agencyId)),
        );
        const blocking = o.weight === "blocking" && !(resolution && resolutionAllowsSameYear(resolution.outcome));
        const subject = subjectOf.get(subjectId);
        const agencyName = names.get(o.other.agencyId) ?? "";
        const message = blocking
          ? overlapRefusal(subject?.name ?? "", { ...o, agencyName }, input.year)
          : o.kind === "state_audit"
            ? `Đối tượng “${subject?.name ?? ""}” có trong kế hoạch kiểm toán năm ${input.year} của Kiểm toán nhà nước: phối hợp để không trùng lặp, sử dụng kết quả kiểm toán (${o.basis}).`
            : `Trùng lặp đã xử lý: ${resolution ? RESOLUTION_OUTCOMES[resolution.outcome].toLocaleLowerCase("vi") : ""}.`;
        out.push({
          kind: o.kind,
          kindLabel: OVERLAP_KIND_LABELS[o.kind],
          weight: o.weight,
          basis: o.basis,
          subjectId,
          subjectName: subject?.name ?? "",
          subjectKind: subject?.kind ?? "",
          otherAgencyId: o.other.agencyId,
          otherAgencyName: agencyName,
          otherSource: o.other.source,
          otherSourceId: o.other.sourceId,
          otherActivity: o.other.activity,
          otherLabel: labels.get(o.other.sourceId) ?? "",
          resolution: resolution
            ? {
                id: resolution.id,
                outcome: resolution.outcome,
                outcomeLabel: RESOLUTION_OUTCOMES[resolution.outcome],
                reason: resolution.reason,
                decidedByName: resolution.decided_by_name,
                agencyName: resolution.agency_name,
                at: new Date(resolution.created_at).toISOString(),
              }
            : null,
          blocking,
          message,
        });
      }
    }
    return out;
  });
}
