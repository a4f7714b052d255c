/**
 * The deadline engine: one function applies every rule of rules.ts.
 *
 * Counting (Bộ luật Dân sự 2015, Điều 147–148; docs/LAW.md §7.1, §7.6):
 *  - the start day is not counted; counting begins the next day (Điều 147);
 *  - calendar-day periods end on the N-th day; months/years on the corresponding day of the last
 *    month/year, or that month's last day when it has no such day (31/1 + 1 month → 28 or 29/2;
 *    29/2 + 1 year → 28/2) (Điều 148 khoản 1);
 *  - when that last day is a weekly rest day or a holiday, the period ends on the next working
 *    day (Điều 148 khoản 2);
 *  - working-day periods count only working days, so they always end on one;
 *  - fixed-date rules (31/12, 31/01) give that day of the start date's year, unchanged: they are
 *    dates set by law rather than periods, so no roll-forward is applied (a choice, see README).
 * Extensions add `extensions × extension length` to the period. Suspensions (when the rule's clock
 * stops) do not count: each suspended day inside the running period pushes the end one day
 * (one working day for working-day rules) later; the roll-forward comes last.
 *
 * Speed: the calendar answers "n-th working day after d" and "working days in (a, b]" in O(1) per
 * year crossed, so a computation costs a few array reads whatever the length of the period.
 */
import {
  addMonthsClamped,
  dayNumberFromParts,
  partsFromDayNumber,
  type DayNumber,
  type IsoDate,
} from "../calendar/iso-date.ts";
import { CalendarError } from "../calendar/errors.ts";
import type { DayNumberCalendar, WorkCalendar } from "../calendar/work-calendar.ts";
import { DeadlineError } from "./errors.ts";
import { buildExplanation, type ExplanationStep } from "./explanation.ts";
import { resolveInput, UNIT_CODE, type DeadlineInput, type ResolvedInput } from "./rule-set.ts";
import { DEFAULT_RULES, type DeadlineUnit, type RuleSet } from "./rules.ts";
import { deadlineStatus, type DeadlineStatus, type StatusOptions } from "./status.ts";

export interface ComputeOptions {
  calendar: WorkCalendar;
  /** Defaults to DEFAULT_RULES. */
  rules?: RuleSet;
  /** When given, the result carries the status on that day. */
  today?: IsoDate;
  status?: StatusOptions;
  /** Set to false to skip building the explanation (bulk recomputation). Default true. */
  explain?: boolean;
}

export interface DeadlineResult {
  rule: string;
  ruleVersion: number;
  basis: string;
  title: string;
  unit: DeadlineUnit;
  /** Period actually counted, in `unit`: variant length plus extensions (0 for fixed dates). */
  length: number;
  variant?: string;
  extensions: number;
  from: IsoDate;
  due: IsoDate;
  /** The rule is only probable ([P]). */
  probable: boolean;
  /** Some day between `from` and `due` belongs to a year without an official notice. */
  provisional: boolean;
  explanation: ExplanationStep[];
  status?: DeadlineStatus;
}

const { calendar_day: CALENDAR_DAY, working_day: WORKING_DAY, month: MONTH, year: YEAR } = UNIT_CODE;

/** Internal result in day numbers: `end` is the last counted day, `due` after the roll-forward. */
export interface DueDays {
  end: DayNumber;
  due: DayNumber;
}

/**
 * The core computation, on a validated input. When `suspended` is given, the number of days
 * (working days for working-day rules) each suspension removed from the count is pushed to it.
 */
export function computeDueDays(r: ResolvedInput, cal: DayNumberCalendar, suspended?: number[]): DueDays {
  const from = r.from;
  const n = r.suspFrom.length;
  switch (r.unit) {
    case CALENDAR_DAY:
    case MONTH:
    case YEAR: {
      let end =
        r.unit === CALENDAR_DAY ? from + r.length : addMonthsClamped(from, r.unit === MONTH ? r.length : 12 * r.length);
      for (let i = 0; i < n; i++) {
        const a = r.suspFrom[i]!;
        if (a > end) break;
        const start = a > from ? a : from + 1; // the start day itself is never counted
        const b = r.suspTo[i]!;
        const skipped = b >= start ? b - start + 1 : 0;
        end += skipped;
        if (suspended) suspended.push(skipped);
      }
      return { end, due: cal.nextWorking(end) };
    }
    case WORKING_DAY: {
      let due = cal.addWorking(from, r.length);
      for (let i = 0; i < n; i++) {
        const a = r.suspFrom[i]!;
        if (a > due) break;
        const start = a > from ? a : from + 1;
        const skipped = cal.countWorking(start - 1, r.suspTo[i]!);
        due = cal.addWorking(due, skipped);
        if (suspended) suspended.push(skipped);
      }
      return { end: due, due };
    }
    default: {
      // FIXED_DATE
      const fixed = r.rule.fixed!;
      const d = dayNumberFromParts(partsFromDayNumber(from).year, fixed.month, fixed.day);
      return { end: d, due: d };
    }
  }
}

function rangeError(e: unknown): never {
  if (e instanceof CalendarError && e.code === "DATE_OUT_OF_RANGE") {
    throw new DeadlineError("DATE_OUT_OF_RANGE", "from", { ...e.params });
  }
  throw e;
}

/**
 * Due date only — the fast path for bulk work (recomputing every open case after a calendar
 * change, lists, the benchmark). Same validation and result as computeDeadline.
 */
export function computeDue(input: DeadlineInput, options: { calendar: WorkCalendar; rules?: RuleSet }): IsoDate {
  const r = resolveInput(input, options.rules ?? DEFAULT_RULES);
  const cal = options.calendar.days;
  try {
    return cal.isoOf(computeDueDays(r, cal).due);
  } catch (e) {
    return rangeError(e);
  }
}

/** Computes a deadline with the explanation a citizen can follow. Throws DeadlineError on bad input. */
export function computeDeadline(input: DeadlineInput, options: ComputeOptions): DeadlineResult {
  const r = resolveInput(input, options.rules ?? DEFAULT_RULES);
  const calendar = options.calendar;
  const cal = calendar.days;
  const explain = options.explain !== false;
  const suspended: number[] = [];
  let days: DueDays;
  try {
    days = computeDueDays(r, cal, explain ? suspended : undefined);
  } catch (e) {
    return rangeError(e);
  }
  const rule = r.rule;
  const fromYear = partsFromDayNumber(Math.min(r.from, days.due)).year;
  const toYear = partsFromDayNumber(Math.max(r.from, days.due)).year;
  let provisional = false;
  for (let y = fromYear; y <= toYear; y++) if (calendar.isProvisional(y)) provisional = true;
  const result: DeadlineResult = {
    rule: rule.id,
    ruleVersion: rule.version,
    basis: rule.basis,
    title: rule.title,
    unit: rule.unit,
    length: rule.unit === "fixed_date" ? 0 : r.length,
    extensions: r.extensions,
    from: cal.isoOf(r.from),
    due: cal.isoOf(days.due),
    probable: rule.probable === true,
    provisional,
    explanation: explain ? buildExplanation(r, days, calendar, suspended) : [],
  };
  if (r.variant !== undefined) result.variant = r.variant;
  if (options.today !== undefined) {
    result.status = deadlineStatus(result.due, options.today, rule.unit, calendar, {
      ...options.status,
      from: result.from,
    });
  }
  return result;
}
