/**
 * Yearly inspection and specialised-check plans (docs/LAW.md §8.6, §9): each inspection body and
 * each Department that runs specialised checks keeps one plan a year. A plan is drafted, issued
 * by a decision of the head (numbered from the agency's register), and adjusted: each adjustment
 * is a new version with its reason and its own decision, the earlier versions kept readable.
 *
 * Every item names its subject(s); the once-a-year rule (overlap.ts) is checked on each save,
 * and an overlap with a plan of the same year blocks the item until it is resolved (merge,
 * postpone, cancel, or kept with a recorded reason). The resolutions are logged, for both agencies.
 */
import { cite } from "../law/acts.ts";
import type { Overlap } from "./overlap.ts";

export const PLAN_STATUS_LIST = ["draft", "issued", "adjusting"] as const;
export type PlanStatus = (typeof PLAN_STATUS_LIST)[number];

export const PLAN_STATUSES: Readonly<Record<PlanStatus, string>> = {
  draft: "Dự thảo",
  issued: "Đã ban hành",
  adjusting: "Đang điều chỉnh",
};

export const PLAN_ITEM_KIND_LIST = ["planned", "standby"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KIND_LIST)[number];
export const PLAN_ITEM_KINDS: Readonly<Record<PlanItemKind, string>> = {
  planned: "Chính thức",
  standby: "Dự phòng",
};

export const PLAN_ACTIVITY_LIST = ["inspection", "check"] as const;
export type PlanActivity = (typeof PLAN_ACTIVITY_LIST)[number];
export const PLAN_ACTIVITIES: Readonly<Record<PlanActivity, string>> = {
  inspection: "Thanh tra",
  check: "Kiểm tra chuyên ngành",
};

/** How an overlap between two agencies' plans was settled (docs/LAW.md §9.3). */
export const RESOLUTION_OUTCOME_LIST = ["merge", "postpone", "cancel", "keep"] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOME_LIST)[number];
export const RESOLUTION_OUTCOMES: Readonly<Record<ResolutionOutcome, string>> = {
  merge: "Hợp nhất thành một cuộc (phối hợp thực hiện)",
  postpone: "Lùi sang năm khác",
  cancel: "Hủy cuộc thanh tra, kiểm tra trùng",
  keep: "Giữ nguyên, có lý do",
};

/**
 * Whether an item may be saved in the same year over an overlap resolved this way: merged into
 * one joint inspection, or kept with a recorded reason. Postponing or cancelling means the item
 * does not stay in this year: saved here as it is, it is still refused.
 */
export function resolutionAllowsSameYear(outcome: ResolutionOutcome): boolean {
  return outcome === "merge" || outcome === "keep";
}

/** Where the plan rules come from. */
export const PLAN_BASIS = {
  plan: `${cite("LTTR")}; ${cite("TT04_2025")}`,
  overlap: `${cite("NQ198")}; ${cite("CT20")}; ${cite("TT04_2025")}`,
  publication: cite("NQ198"),
};

/** "Quý II", "Tháng 3–5", "Quý III (tháng 7–8)". */
export function plannedTimeLabel(t: {
  quarter: number | null;
  monthFrom: number | null;
  monthTo: number | null;
}): string {
  const q = t.quarter ? `Quý ${["I", "II", "III", "IV"][t.quarter - 1]}` : "";
  const months =
    t.monthFrom && t.monthTo && t.monthTo !== t.monthFrom
      ? `tháng ${t.monthFrom}–${t.monthTo}`
      : t.monthFrom
        ? `tháng ${t.monthFrom}`
        : "";
  if (q && months) return `${q} (${months})`;
  if (q) return q;
  return months ? months.charAt(0).toUpperCase() + months.slice(1) : "";
}

/** The months a quarter spans. */
export function quarterMonths(quarter: number): [number, number] {
  return [quarter * 3 - 2, quarter * 3];
}

/**
 * The problems of an item's planned time, or null: months within the year, in order, and inside
 * the quarter when both are given.
 */
export function plannedTimeProblem(t: {
  quarter: number | null;
  monthFrom: number | null;
  monthTo: number | null;
}): { field: string; message: string } | null {
  if (!t.quarter && !t.monthFrom)
    return { field: "quarter", message: "Thời gian dự kiến: chọn quý hoặc tháng bắt đầu." };
  if (t.monthTo && !t.monthFrom)
    return { field: "monthFrom", message: "Thời gian dự kiến: nhập tháng bắt đầu trước tháng kết thúc." };
  if (t.monthFrom && t.monthTo && t.monthTo < t.monthFrom)
    return { field: "monthTo", message: "Tháng kết thúc không được trước tháng bắt đầu." };
  if (t.quarter && t.monthFrom) {
    const [from, to] = quarterMonths(t.quarter);
    const end = t.monthTo ?? t.monthFrom;
    if (t.monthFrom < from || end > to)
      return {
        field: "monthFrom",
        message: `Tháng dự kiến phải nằm trong quý ${t.quarter} (tháng ${from}–${to}).`,
      };
  }
  return null;
}

/** The Vietnamese sentence that refuses a plan item over an unresolved overlap. */
export function overlapRefusal(subjectName: string, overlap: Overlap & { agencyName: string }, year: number): string {
  const what =
    overlap.kind === "same_content"
      ? "cùng nội dung quản lý nhà nước đã có trong kế hoạch"
      : overlap.other.activity === "check"
        ? "đã có trong kế hoạch kiểm tra"
        : overlap.other.source === "inspection"
          ? "đã có cuộc thanh tra"
          : "đã có trong kế hoạch thanh tra";
  return (
    `Đối tượng “${subjectName}” ${what} năm ${year} của ${overlap.agencyName || "cơ quan khác"}; ` +
    `không thanh tra, kiểm tra quá 1 lần/năm (${overlap.basis}). ` +
    "Xử lý trùng lặp (hợp nhất, lùi thời gian, hủy, hoặc giữ nguyên có lý do) trước khi lưu."
  );
}
