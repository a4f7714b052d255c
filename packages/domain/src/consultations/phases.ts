/**
 * The phases of a public consultation on a draft regulation (Consul's legislation process):
 * drafting → open for comments → closed → handling summary published. The dates are the
 * drafting body's own plan (docs/LAW.md sets no length for it); the rules here are only that
 * they follow each other and that comments are taken inside the open window, Vietnam time.
 */

export const PHASES = ["drafting", "open", "closed", "summary_published"] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  drafting: "Đang soạn thảo",
  open: "Đang lấy ý kiến",
  closed: "Đã hết thời gian góp ý",
  summary_published: "Đã công bố kết quả tiếp thu, giải trình",
};

export interface PhaseDates {
  /** First day comments are taken (YYYY-MM-DD, Vietnam time). */
  opensOn: string;
  /** Last day comments are taken, inclusive. */
  closesOn: string;
  /** Planned day of the handling summary (optional). */
  summaryDueOn: string | null;
}

export interface DateProblem {
  field: "opensOn" | "closesOn" | "summaryDueOn";
  message: string;
}

/** Refuses dates out of order, naming the field the officer must fix. */
export function checkPhaseDates(d: PhaseDates): DateProblem | null {
  if (d.closesOn < d.opensOn)
    return {
      field: "closesOn",
      message: "Ngày kết thúc lấy ý kiến: phải cùng hoặc sau ngày bắt đầu lấy ý kiến.",
    };
  if (d.summaryDueOn !== null && d.summaryDueOn < d.closesOn)
    return {
      field: "summaryDueOn",
      message: "Ngày dự kiến công bố kết quả tiếp thu: phải cùng hoặc sau ngày kết thúc lấy ý kiến.",
    };
  return null;
}

export interface PhaseState extends PhaseDates {
  /** When the officer put the draft on the portal (null: still being drafted). */
  openedAt: string | null;
  /** When the officer ended the comments before the planned date (null: not ended early). */
  closedAt: string | null;
  summaryPublishedAt: string | null;
}

/** The phase on a given day (YYYY-MM-DD, Vietnam time). */
export function phaseOn(s: PhaseState, today: string): Phase {
  if (s.summaryPublishedAt) return "summary_published";
  if (!s.openedAt || today < s.opensOn) return "drafting";
  if (s.closedAt || today > s.closesOn) return "closed";
  return "open";
}

/** Whether the portal shows the consultation (once opened by an officer). */
export function isPublic(s: PhaseState): boolean {
  return s.openedAt !== null;
}
