/**
 * Sending a report up the hierarchy (docs/LAW.md §11.3): a unit's report goes from draft to
 * submitted; the superior (the parent agency in the agency tree) returns it with a reason or
 * accepts it; acceptance locks it. A returned report is corrected and submitted again. A report
 * already submitted or accepted is never rewritten: a correction is a new revision with its reason,
 * and the earlier revision stays as it was.
 *
 * Who may act: the reporting unit's own reporting officer (report.write) prepares the draft; the
 * officer or the head who signs (report.submit) submits it; the superior's leader or reporting
 * officer returns or accepts it.
 */

export const SUBMISSION_STATUSES = ["draft", "submitted", "returned", "accepted"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_STATUS_LABELS: Readonly<Record<SubmissionStatus, string>> = {
  draft: "Bản nháp",
  submitted: "Đã gửi, chờ cấp trên xem xét",
  returned: "Cấp trên trả lại",
  accepted: "Cấp trên đã tiếp nhận (khóa số liệu)",
};

export type SubmissionAction = "draft" | "submit" | "return" | "accept";

/** How the person acting stands to the report: its own unit, the superior of that unit, or neither. */
export type SubmissionSide = "own" | "superior" | "other";

/** The report permissions the person holds. */
export interface SubmissionPowers {
  write: boolean;
  submit: boolean;
}

export type SubmissionRefusal =
  | "REPORT_SUBMISSION_NOT_OWN"
  | "REPORT_SUBMISSION_NOT_SUPERIOR"
  | "FORBIDDEN"
  | "REPORT_SUBMISSION_WRONG_STATE"
  | "REPORT_SUBMISSION_SUPERSEDED"
  | "REPORT_RETURN_REASON_REQUIRED";

export type SubmissionDecision =
  { ok: true; to: SubmissionStatus } | { ok: false; code: SubmissionRefusal; field?: string };

const STEPS: Record<
  Exclude<SubmissionAction, "draft">,
  { from: readonly SubmissionStatus[]; to: SubmissionStatus; side: "own" | "superior" }
> = {
  submit: { from: ["draft", "returned"], to: "submitted", side: "own" },
  return: { from: ["submitted"], to: "returned", side: "superior" },
  accept: { from: ["submitted"], to: "accepted", side: "superior" },
};

/** Whether a step may be taken on a revision, by whom, and the status it leads to. */
export function submissionStep(input: {
  action: Exclude<SubmissionAction, "draft">;
  status: SubmissionStatus;
  side: SubmissionSide;
  powers: SubmissionPowers;
  /** Whether this revision is the latest of its report (a superseded one is left as it is). */
  latest: boolean;
  reason?: string | null;
}): SubmissionDecision {
  const step = STEPS[input.action];
  if (input.side !== step.side)
    return { ok: false, code: step.side === "own" ? "REPORT_SUBMISSION_NOT_OWN" : "REPORT_SUBMISSION_NOT_SUPERIOR" };
  if (!input.powers.write && !input.powers.submit) return { ok: false, code: "FORBIDDEN" };
  if (!input.latest) return { ok: false, code: "REPORT_SUBMISSION_SUPERSEDED" };
  if (!step.from.includes(input.status)) return { ok: false, code: "REPORT_SUBMISSION_WRONG_STATE" };
  if (input.action === "return" && !(input.reason ?? "").trim())
    return { ok: false, code: "REPORT_RETURN_REASON_REQUIRED", field: "reason" };
  return { ok: true, to: step.to };
}

export type DraftDecision =
  /** No revision yet: revision 1. */
  | { ok: true; mode: "first"; revision: 1 }
  /** The latest revision is a draft or was returned: its snapshot is taken again, same revision. */
  | { ok: true; mode: "refresh"; revision: number }
  /** The latest revision was submitted or accepted: a new revision, with the reason for correcting. */
  | { ok: true; mode: "correction"; revision: number }
  | {
      ok: false;
      code: SubmissionRefusal | "REPORT_CORRECTION_REASON_REQUIRED" | "REPORT_REUPLOAD_REASON_REQUIRED";
      field?: string;
    };

/**
 * Taking (or retaking) the snapshot of a report: only the unit's own reporting officer. A revision
 * that holds an uploaded original file (`original`) is never taken again in place: the file stays
 * with its revision and the new figures are a new revision, with a reason (docs/LAW.md §11.15).
 */
export function draftStep(input: {
  side: SubmissionSide;
  powers: SubmissionPowers;
  latest: { status: SubmissionStatus; revision: number; original?: boolean } | null;
  reason?: string | null;
}): DraftDecision {
  if (input.side !== "own") return { ok: false, code: "REPORT_SUBMISSION_NOT_OWN", field: "agencyId" };
  if (!input.powers.write) return { ok: false, code: "FORBIDDEN" };
  const latest = input.latest;
  if (latest === null) return { ok: true, mode: "first", revision: 1 };
  if ((latest.status === "draft" || latest.status === "returned") && !latest.original)
    return { ok: true, mode: "refresh", revision: latest.revision };
  if (latest.status === "draft" || latest.status === "returned") {
    if (!(input.reason ?? "").trim()) return { ok: false, code: "REPORT_REUPLOAD_REASON_REQUIRED", field: "reason" };
    return { ok: true, mode: "correction", revision: latest.revision + 1 };
  }
  if (!(input.reason ?? "").trim()) return { ok: false, code: "REPORT_CORRECTION_REASON_REQUIRED", field: "reason" };
  return { ok: true, mode: "correction", revision: latest.revision + 1 };
}

/** An accepted revision is locked: its snapshot and its status never change again. */
export function isLocked(status: SubmissionStatus): boolean {
  return status === "accepted";
}
