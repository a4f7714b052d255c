/**
 * The once-a-year rule for inspections and checks of a subject (docs/LAW.md §9): Chỉ thị
 * 20/CT-TTg asks that no enterprise be inspected or checked more than once a year and that a plan
 * overlapping the State Audit's be coordinated; Nghị quyết 198/2025/QH15 makes it law for
 * enterprises, business households and individuals, and adds that one state-management content
 * inspected in a year is not also checked (and the reverse), except with clear signs of violation.
 *
 * This file decides what an overlap is and how heavy it weighs; the server finds the candidates
 * (modules/inspections/overlaps.ts) across every agency of the installation.
 */
import { cite } from "../law/acts.ts";

export type InspectionActivity = "inspection" | "check";
export type OccurrenceActivity = InspectionActivity | "state_audit";
export type OccurrenceSource = "plan_item" | "inspection" | "state_audit_plan";

/** A planned or decided inspection or check of one subject in one calendar year. */
export interface Occurrence {
  subjectId: string;
  year: number;
  activity: OccurrenceActivity;
  source: OccurrenceSource;
  sourceId: string;
  agencyId: string;
  contentField: string | null;
  adHoc: boolean;
  /** An inspection's: the plan item it carries out (the item and its inspection are one activity). */
  carriesOut?: string | null;
}

/** What is being planned or decided, before it is saved. */
export interface OccurrenceCandidate {
  subjectId: string;
  year: number;
  activity: InspectionActivity;
  contentField: string | null;
  /** An ad hoc inspection or check (đột xuất): allowed over an overlap with a recorded clear sign of violation. */
  adHoc: boolean;
  /** A planned inspection: the plan item it carries out, which (with the item's other inspections) is no overlap. */
  carriesOut?: string | null;
}

export type OverlapKind =
  /** The same subject inspected or checked twice in one calendar year. */
  | "same_subject_year"
  /** The same state-management content both inspected and checked in one year. */
  | "same_content"
  /** The State Audit plans the same subject that year: coordinate, reuse results. */
  | "state_audit";

/**
 * blocking: a plan item may not be saved over it (it is resolved first: merge, postpone, cancel, or
 * kept with a recorded reason); needs_violation_sign: an ad hoc decision records the clear sign of
 * violation that justifies it; coordinate: recorded and shown, the agencies agree a solution.
 */
export type OverlapWeight = "blocking" | "needs_violation_sign" | "coordinate";

export interface Overlap {
  kind: OverlapKind;
  weight: OverlapWeight;
  other: Occurrence;
  basis: string;
}

export const OVERLAP_KIND_LABELS: Record<OverlapKind, string> = {
  same_subject_year: "Cùng đối tượng được thanh tra, kiểm tra trong cùng năm",
  same_content: "Cùng nội dung quản lý nhà nước vừa thanh tra vừa kiểm tra trong năm",
  state_audit: "Trùng với kế hoạch kiểm toán của Kiểm toán nhà nước",
};

export const OVERLAP_BASIS: Record<OverlapKind, string> = {
  same_subject_year: `${cite("NQ198")}; ${cite("CT20")}`,
  same_content: cite("NQ198"),
  state_audit: cite("CT20"),
};

function normalField(field: string | null): string | null {
  const f = field?.trim().toLocaleLowerCase("vi");
  return f ? f : null;
}

/**
 * The overlaps of a candidate with what is already planned or decided. `existing` may hold rows
 * of other subjects or years and the candidate's own row; they are ignored.
 */
export function overlapsOf(candidate: OccurrenceCandidate, existing: readonly Occurrence[]): Overlap[] {
  const field = normalField(candidate.contentField);
  const out: Overlap[] = [];
  for (const other of existing) {
    if (other.subjectId !== candidate.subjectId || other.year !== candidate.year) continue;
    // A planned inspection and the plan item it carries out are one activity.
    const item = candidate.carriesOut;
    if (item && ((other.source === "plan_item" && other.sourceId === item) || other.carriesOut === item)) continue;
    let kind: OverlapKind;
    if (other.activity === "state_audit") kind = "state_audit";
    else if (field && other.activity !== candidate.activity && normalField(other.contentField) === field)
      kind = "same_content";
    else kind = "same_subject_year";
    const weight: OverlapWeight =
      kind === "state_audit" ? "coordinate" : candidate.adHoc ? "needs_violation_sign" : "blocking";
    out.push({ kind, weight, other, basis: OVERLAP_BASIS[kind] });
  }
  return out;
}

/** True when the overlaps forbid saving a plan item as it is. */
export function blocksPlanItem(overlaps: readonly Overlap[]): boolean {
  return overlaps.some((o) => o.weight === "blocking");
}

/** True when an ad hoc decision must record a clear sign of violation (dấu hiệu vi phạm rõ ràng). */
export function needsViolationSign(overlaps: readonly Overlap[]): boolean {
  return overlaps.some((o) => o.weight === "needs_violation_sign");
}
