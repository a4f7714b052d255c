/**
 * Status of a deadline on a given day (docs/LAW.md §7.6 item 7): on time, due soon, overdue, with
 * the days remaining counted in the rule's own unit — working days for working-day rules, calendar
 * days otherwise (months, years and fixed dates are followed day by day as they approach).
 */
import { parseIsoDate, type IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { DeadlineError } from "./errors.ts";
import type { DeadlineUnit } from "./rules.ts";
import { DEFAULT_DUE_SOON_DAYS } from "../law/periods.ts";

export interface StatusOptions {
  /** "Due soon" when at most this many days (in the status unit) remain. Default DEFAULT_DUE_SOON_DAYS. */
  dueSoonDays?: number;
  /**
   * Alternatively, "due soon" when at most this fraction of the whole period remains (e.g. 0.2 for
   * amber at ≤ 20%). Needs `from`; takes precedence over dueSoonDays when both are usable.
   */
  dueSoonFraction?: number;
  /** Start date of the period, for dueSoonFraction. */
  from?: IsoDate;
}

export type StatusUnit = "calendar_day" | "working_day";

export interface DeadlineStatus {
  status: "on_time" | "due_soon" | "overdue";
  /** Days left after today up to and including the due date; negative once overdue. */
  remaining: number;
  unit: StatusUnit;
}

export function deadlineStatus(
  due: IsoDate,
  today: IsoDate,
  unit: DeadlineUnit,
  calendar: WorkCalendar,
  options: StatusOptions = {},
): DeadlineStatus {
  const d = parseIsoDate(due);
  if (d === undefined) throw new DeadlineError("INVALID_DATE", "due", { value: due });
  const t = parseIsoDate(today);
  if (t === undefined) throw new DeadlineError("INVALID_DATE", "today", { value: today });
  const cal = calendar.days;
  const statusUnit: StatusUnit = unit === "working_day" ? "working_day" : "calendar_day";
  const span = (a: number, b: number): number => (statusUnit === "working_day" ? cal.countWorking(a, b) : b - a);
  const remaining = t <= d ? span(t, d) : -span(d, t);
  if (t > d) return { status: "overdue", remaining, unit: statusUnit };

  let threshold = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (options.dueSoonFraction !== undefined && options.from !== undefined) {
    const f = parseIsoDate(options.from);
    if (f === undefined) throw new DeadlineError("INVALID_DATE", "from", { value: options.from });
    threshold = options.dueSoonFraction * span(f, d);
  }
  return { status: remaining <= threshold ? "due_soon" : "on_time", remaining, unit: statusUnit };
}
