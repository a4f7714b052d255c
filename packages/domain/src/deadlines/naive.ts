/**
 * Reference implementation: walks the calendar one day at a time, exactly as a person would
 * count on a wall calendar. Slow and obviously right; tests and the benchmark compare the fast
 * engine against it. It shares only input validation and the calendar's day kinds with the engine
 * (month arithmetic goes through Date.UTC here, on purpose).
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { CalendarError } from "../calendar/errors.ts";
import { DeadlineError } from "./errors.ts";
import { resolveInput, type DeadlineInput } from "./rule-set.ts";
import { DEFAULT_RULES, type RuleSet } from "./rules.ts";

const DAY_MS = 86_400_000;

function addMonthsUtc(dayNumber: number, months: number): number {
  const start = new Date(dayNumber * DAY_MS);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const lastDayOfTargetMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(start.getUTCDate(), lastDayOfTargetMonth)) / DAY_MS;
}

export function naiveComputeDeadline(
  input: DeadlineInput,
  options: { calendar: WorkCalendar; rules?: RuleSet },
): IsoDate {
  const r = resolveInput(input, options.rules ?? DEFAULT_RULES);
  const cal = options.calendar.days;
  const isSuspended = (d: number): boolean => {
    for (let i = 0; i < r.suspFrom.length; i++) if (d >= r.suspFrom[i]! && d <= r.suspTo[i]!) return true;
    return false;
  };
  const rollForward = (d: number): number => {
    while (!cal.isWorking(d)) d++;
    return d;
  };
  try {
    let due: number;
    switch (r.rule.unit) {
      case "calendar_day": {
        let d = r.from;
        let counted = 0;
        while (counted < r.length) {
          d++;
          if (!isSuspended(d)) counted++;
        }
        due = rollForward(d);
        break;
      }
      case "working_day": {
        let d = r.from;
        let counted = 0;
        while (counted < r.length) {
          d++;
          if (cal.isWorking(d) && !isSuspended(d)) counted++;
        }
        due = d;
        break;
      }
      case "month":
      case "year": {
        let end = addMonthsUtc(r.from, r.rule.unit === "month" ? r.length : 12 * r.length);
        for (let d = r.from + 1; d <= end; d++) if (isSuspended(d)) end++;
        due = rollForward(end);
        break;
      }
      case "fixed_date": {
        const year = new Date(r.from * DAY_MS).getUTCFullYear();
        due = Date.UTC(year, r.rule.fixed!.month - 1, r.rule.fixed!.day) / DAY_MS;
        break;
      }
    }
    return cal.isoOf(due);
  } catch (e) {
    if (e instanceof CalendarError && e.code === "DATE_OUT_OF_RANGE")
      throw new DeadlineError("DATE_OUT_OF_RANGE", "from", { ...e.params });
    throw e;
  }
}
