/**
 * Following a recommendation until it is done or closed by decision (docs/LAW.md §8.5; the
 * peers' lesson: track amounts, not a percentage). The status is computed, never stored: from
 * the amounts, the progress dates, the due date and the closing decision, so it cannot drift.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import { DomainError } from "../errors.ts";
import { formatDong } from "../text/money.ts";

export const FOLLOW_UP_STATUSES = ["not_started", "in_progress", "partly_done", "done", "overdue", "closed"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  partly_done: "Đã thực hiện một phần",
  done: "Đã hoàn thành",
  overdue: "Quá hạn",
  closed: "Kết thúc theo dõi theo quyết định",
};

export interface FollowUpState {
  /** Money to recover (0 for a recommendation without an amount). */
  amount: number;
  recovered: number;
  landM2: number;
  landRecovered: number;
  dueOn: IsoDate | null;
  doneOn: IsoDate | null;
  closedOn: IsoDate | null;
  lastProgressOn: IsoDate | null;
  /** Urging letters and follow-up checks recorded. */
  actions: number;
}

/**
 * The status on a day: closed by decision; done (all recovered, or recorded done); overdue (due
 * date passed, not done); partly done (something recovered); in progress (urged or checked);
 * not started.
 */
export function followUpStatus(s: FollowUpState, today: IsoDate): FollowUpStatus {
  if (s.closedOn) return "closed";
  const quantified = s.amount > 0 || s.landM2 > 0;
  const complete = quantified ? s.recovered >= s.amount && s.landRecovered >= s.landM2 : s.doneOn !== null;
  if (complete || s.doneOn) return "done";
  if (s.dueOn && s.dueOn < today) return "overdue";
  if (s.recovered > 0 || s.landRecovered > 0) return "partly_done";
  if (s.actions > 0 || s.lastProgressOn) return "in_progress";
  return "not_started";
}

/**
 * The SQL of the same status (server lists filter on it): the columns of
 * inspection_recommendation, `today` bound as a parameter by the caller at `$today`.
 */
export const FOLLOW_UP_STATUS_SQL = {
  closed: "closed_on is not null",
  done: "closed_on is null and (done_on is not null or ((amount > 0 or land_m2 > 0) and recovered >= amount and land_recovered >= land_m2))",
} as const;

/** Refuses a recovery above what is still to recover, naming the field. */
export function checkRecovery(
  s: Pick<FollowUpState, "amount" | "recovered" | "landM2" | "landRecovered" | "closedOn" | "doneOn">,
  entry: { amount: number; landM2: number; done: boolean },
): void {
  if (s.closedOn) throw new DomainError("RECOMMENDATION_CLOSED", undefined, "amount");
  if (entry.amount === 0 && entry.landM2 === 0 && !entry.done)
    throw new DomainError("RECOVERY_EMPTY", undefined, "amount");
  const outstanding = s.amount - s.recovered;
  if (entry.amount > outstanding)
    throw new DomainError(
      "RECOVERY_ABOVE_OUTSTANDING",
      `Số tiền thu hồi (${formatDong(entry.amount)}) vượt quá số còn phải thu hồi (${formatDong(outstanding)}).`,
      "amount",
    );
  const land = Math.round((s.landM2 - s.landRecovered) * 100) / 100;
  if (entry.landM2 > land)
    throw new DomainError(
      "RECOVERY_ABOVE_OUTSTANDING",
      `Diện tích thu hồi (${entry.landM2} m²) vượt quá diện tích còn phải thu hồi (${land} m²).`,
      "landM2",
    );
}
