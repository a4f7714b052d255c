/**
 * When an administrator imports or corrects a year's notice, every open due date is recomputed
 * (docs/LAW.md §13.1(4)) and officers are shown which ones moved.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue } from "./engine.ts";
import { DeadlineError, type DeadlineErrorCode } from "./errors.ts";
import type { DeadlineInput } from "./rule-set.ts";
import type { RuleSet } from "./rules.ts";

export interface OpenDeadline {
  /** Caller's identifier (case id + deadline kind, ...). */
  id: string;
  input: DeadlineInput;
}

export interface MovedDeadline {
  id: string;
  rule: string;
  from: IsoDate;
  before: IsoDate;
  after: IsoDate;
  /** Calendar days the due date moved (positive = later). */
  shiftDays: number;
}

export interface CalendarDiff {
  moved: MovedDeadline[];
  unchanged: number;
  /** Inputs that cannot be computed with one of the calendars. */
  failed: { id: string; code: DeadlineErrorCode; message: string }[];
}

function dayDiff(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** Recomputes each open deadline with both calendars and lists those whose due date changed. */
export function diffCalendars(
  before: WorkCalendar,
  after: WorkCalendar,
  openDeadlines: readonly OpenDeadline[],
  options: { rules?: RuleSet } = {},
): CalendarDiff {
  const diff: CalendarDiff = { moved: [], unchanged: 0, failed: [] };
  for (const { id, input } of openDeadlines) {
    try {
      const a = computeDue(input, { calendar: before, ...options });
      const b = computeDue(input, { calendar: after, ...options });
      if (a === b) diff.unchanged++;
      else diff.moved.push({ id, rule: input.rule, from: input.from, before: a, after: b, shiftDays: dayDiff(a, b) });
    } catch (e) {
      if (!(e instanceof DeadlineError)) throw e;
      diff.failed.push({ id, code: e.code, message: e.message });
    }
  }
  return diff;
}
