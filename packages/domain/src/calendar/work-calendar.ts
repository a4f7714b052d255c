/**
 * The working-day calendar of state agencies (docs/LAW.md §7.5): Monday–Friday, minus public
 * holidays, compensatory days and days made free by the yearly notice, plus the Saturdays the
 * notice turns into working days.
 *
 * Years with an imported notice follow it exactly; other years are "provisional" and follow the
 * statute (statutory-holidays.ts). Years are built lazily, on first use, into flat typed arrays:
 *  - `kinds[i]`  the kind of day i (255 = year not built yet);
 *  - `rank[i]`   how many working days of its year fall on or before day i;
 *  - `work[y]`   the working days of year y in order.
 * With these, "the n-th working day after d" and "working days between a and b" cost O(1) per year
 * crossed instead of a day-by-day loop.
 */
import { CalendarError } from "./errors.ts";
import {
  dayNumberFromParts,
  isoFromDayNumber,
  parseIsoDate,
  weekdayOfDayNumber,
  type DayNumber,
  type IsoDate,
} from "./iso-date.ts";
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  validateYearNotice,
  type NoticeDayKind,
  type YearNotice,
} from "./notice-schema.ts";
import { provisionalNotice } from "./statutory-holidays.ts";

export type DayKind = "workday" | "weekend" | "holiday" | "compensatory" | "swap_off" | "makeup_workday";

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  name?: string;
  /** The day belongs to a year without an official notice. */
  provisional: boolean;
}

export interface YearListingDay {
  date: IsoDate;
  kind: NoticeDayKind;
  name: string;
}

export interface YearListing {
  year: number;
  provisional: boolean;
  /** Weekdays that are not working days and weekend days that are, sorted by date. */
  days: YearListingDay[];
}

/** Calendar operations on day numbers, for engines that do many computations. */
export interface DayNumberCalendar {
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  isWorking(day: DayNumber): boolean;
  kind(day: DayNumber): DayKind;
  name(day: DayNumber): string | undefined;
  /** The n-th working day strictly after `day` (n ≥ 1); `day` itself when n = 0. */
  addWorking(day: DayNumber, n: number): DayNumber;
  /** `day` if it is a working day, otherwise the next working day. */
  nextWorking(day: DayNumber): DayNumber;
  /** Number of working days d with from < d ≤ to (0 when to ≤ from). */
  countWorking(fromExclusive: DayNumber, toInclusive: DayNumber): number;
  isoOf(day: DayNumber): IsoDate;
}

export interface WorkCalendar {
  readonly minYear: number;
  readonly maxYear: number;
  isWorkingDay(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  isProvisional(year: number): boolean;
  /** The notice in force for `year`: the imported one, or the statutory (provisional) one. */
  noticeFor(year: number): YearNotice;
  /** Imported notices, by year. */
  notices(): YearNotice[];
  yearListing(year: number): YearListing;
  /** The n-th working day after `date` (the date itself not counted). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** `date` if it is a working day, otherwise the next working day. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** Working days d with from < d ≤ to. */
  countWorkingDays(fromExclusive: IsoDate, toInclusive: IsoDate): number;
  /** A new calendar with `notice` replacing (or adding) the notice of its year. */
  withNotice(notice: YearNotice): WorkCalendar;
  /** A new calendar without the imported notice of `year` (the year becomes provisional). */
  withoutNotice(year: number): WorkCalendar;
  readonly days: DayNumberCalendar;
}

const KINDS: readonly DayKind[] = ["workday", "weekend", "holiday", "compensatory", "swap_off", "makeup_workday"];
const WORKDAY = 0;
const WEEKEND = 1;
const MAKEUP = 5;
const UNBUILT = 255;
const KIND_CODE: Record<NoticeDayKind, number> = { holiday: 2, compensatory: 3, swap_off: 4, makeup_workday: 5 };

const FIRST_DAY = dayNumberFromParts(CALENDAR_MIN_YEAR, 1, 1);
const LAST_DAY = dayNumberFromParts(CALENDAR_MAX_YEAR, 12, 31);
const TOTAL_DAYS = LAST_DAY - FIRST_DAY + 1;
const YEAR_COUNT = CALENDAR_MAX_YEAR - CALENDAR_MIN_YEAR + 1;

/** Static tables shared by every calendar: first day of each year, year index of each day. */
const YEAR_START = new Int32Array(YEAR_COUNT + 1);
const YEAR_INDEX = new Uint8Array(TOTAL_DAYS);
for (let y = 0; y <= YEAR_COUNT; y++) YEAR_START[y] = dayNumberFromParts(CALENDAR_MIN_YEAR + y, 1, 1);
for (let y = 0; y < YEAR_COUNT; y++) YEAR_INDEX.fill(y, YEAR_START[y]! - FIRST_DAY, YEAR_START[y + 1]! - FIRST_DAY);

/** ISO strings of day numbers, cached: formatting is the costliest part of returning a date. */
const ISO_CACHE: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(TOTAL_DAYS);

function isoOf(day: DayNumber): IsoDate {
  const i = day - FIRST_DAY;
  if (i < 0 || i >= TOTAL_DAYS) return isoFromDayNumber(day);
  let s = ISO_CACHE[i];
  if (s === undefined) ISO_CACHE[i] = s = isoFromDayNumber(day);
  return s;
}

function outOfRange(day: DayNumber): CalendarError {
  return new CalendarError("DATE_OUT_OF_RANGE", {
    date: isoFromDayNumber(day),
    minYear: CALENDAR_MIN_YEAR,
    maxYear: CALENDAR_MAX_YEAR,
  });
}

function parseOrThrow(date: IsoDate, field: string): DayNumber {
  const n = parseIsoDate(date);
  if (n === undefined) throw new CalendarError("INVALID_DATE", { date: String(date) }, field);
  if (n < FIRST_DAY || n > LAST_DAY) {
    throw new CalendarError(
      "DATE_OUT_OF_RANGE",
      { date, minYear: CALENDAR_MIN_YEAR, maxYear: CALENDAR_MAX_YEAR },
      field,
    );
  }
  return n;
}

class Calendar implements WorkCalendar, DayNumberCalendar {
  readonly minYear = CALENDAR_MIN_YEAR;
  readonly maxYear = CALENDAR_MAX_YEAR;
  readonly firstDay = FIRST_DAY;
  readonly lastDay = LAST_DAY;
  readonly days: DayNumberCalendar = this;

  private readonly imported: Map<number, YearNotice>;
  private readonly kinds = new Uint8Array(TOTAL_DAYS).fill(UNBUILT);
  private readonly rank = new Int32Array(TOTAL_DAYS);
  private readonly work: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(YEAR_COUNT);
  private readonly names = new Map<DayNumber, string>();
  private readonly provisional = new Map<number, YearNotice>();

  constructor(imported: Map<number, YearNotice>) {
    this.imported = imported;
  }

  // ---- building -------------------------------------------------------------------------------

  private buildYear(yearIndex: number): void {
    const year = CALENDAR_MIN_YEAR + yearIndex;
    const start = YEAR_START[yearIndex]!;
    const end = YEAR_START[yearIndex + 1]!;
    const { kinds, rank } = this;
    let weekday = weekdayOfDayNumber(start);
    for (let d = start; d < end; d++) {
      kinds[d - FIRST_DAY] = weekday === 0 || weekday === 6 ? WEEKEND : WORKDAY;
      weekday = weekday === 6 ? 0 : weekday + 1;
    }
    for (const day of this.noticeFor(year).days) {
      const d = parseIsoDate(day.date)!;
      kinds[d - FIRST_DAY] = KIND_CODE[day.kind];
      this.names.set(d, day.name);
    }
    const list: number[] = [];
    for (let d = start; d < end; d++) {
      const k = kinds[d - FIRST_DAY]!;
      if (k === WORKDAY || k === MAKEUP) list.push(d);
      rank[d - FIRST_DAY] = list.length;
    }
    this.work[yearIndex] = Int32Array.from(list);
  }

  private workOf(yearIndex: number): Int32Array {
    let w = this.work[yearIndex];
    if (w === undefined) {
      this.buildYear(yearIndex);
      w = this.work[yearIndex]!;
    }
    return w;
  }

  private code(day: DayNumber): number {
    const i = day - FIRST_DAY;
    if (i < 0 || i >= TOTAL_DAYS) throw outOfRange(day);
    let k = this.kinds[i]!;
    if (k === UNBUILT) {
      this.buildYear(YEAR_INDEX[i]!);
      k = this.kinds[i]!;
    }
    return k;
  }

  // ---- day-number API -------------------------------------------------------------------------

  isWorking(day: DayNumber): boolean {
    const k = this.code(day);
    return k === WORKDAY || k === MAKEUP;
  }

  kind(day: DayNumber): DayKind {
    return KINDS[this.code(day)]!;
  }

  name(day: DayNumber): string | undefined {
    this.code(day);
    return this.names.get(day);
  }

  addWorking(day: DayNumber, n: number): DayNumber {
    if (n === 0) return day;
    const i = day - FIRST_DAY;
    if (i < 0 || i >= TOTAL_DAYS) throw outOfRange(day);
    let y = YEAR_INDEX[i]!;
    let work = this.workOf(y);
    let target = this.rank[i]! + n; // 1-based rank of the wanted day within year y
    while (target > work.length) {
      target -= work.length;
      y++;
      if (y >= YEAR_COUNT) throw outOfRange(LAST_DAY + 1);
      work = this.workOf(y);
    }
    return work[target - 1]!;
  }

  nextWorking(day: DayNumber): DayNumber {
    return this.isWorking(day) ? day : this.addWorking(day, 1);
  }

  countWorking(fromExclusive: DayNumber, toInclusive: DayNumber): number {
    if (toInclusive <= fromExclusive) return 0;
    const a = fromExclusive - FIRST_DAY;
    const b = toInclusive - FIRST_DAY;
    if (a < 0 || a >= TOTAL_DAYS) throw outOfRange(fromExclusive);
    if (b < 0 || b >= TOTAL_DAYS) throw outOfRange(toInclusive);
    const ya = YEAR_INDEX[a]!;
    const yb = YEAR_INDEX[b]!;
    const workA = this.workOf(ya);
    this.workOf(yb);
    if (ya === yb) return this.rank[b]! - this.rank[a]!;
    let count = workA.length - this.rank[a]!;
    for (let y = ya + 1; y < yb; y++) count += this.workOf(y).length;
    return count + this.rank[b]!;
  }

  isoOf(day: DayNumber): IsoDate {
    return isoOf(day);
  }

  // ---- ISO API --------------------------------------------------------------------------------

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(parseOrThrow(date, "date"));
  }

  dayInfo(date: IsoDate): DayInfo {
    const d = parseOrThrow(date, "date");
    const kind = this.kind(d);
    const info: DayInfo = {
      date,
      working: kind === "workday" || kind === "makeup_workday",
      kind,
      provisional: this.isProvisional(Number(date.slice(0, 4))),
    };
    const name = this.names.get(d);
    if (name !== undefined) info.name = name;
    return info;
  }

  isProvisional(year: number): boolean {
    return !this.imported.has(year);
  }

  noticeFor(year: number): YearNotice {
    const imported = this.imported.get(year);
    if (imported) return imported;
    let p = this.provisional.get(year);
    if (!p) this.provisional.set(year, (p = provisionalNotice(year)));
    return p;
  }

  notices(): YearNotice[] {
    return [...this.imported.values()].sort((a, b) => a.year - b.year);
  }

  yearListing(year: number): YearListing {
    if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
      throw new CalendarError(
        "DATE_OUT_OF_RANGE",
        { date: String(year), minYear: CALENDAR_MIN_YEAR, maxYear: CALENDAR_MAX_YEAR },
        "year",
      );
    }
    const yearIndex = year - CALENDAR_MIN_YEAR;
    this.workOf(yearIndex);
    const days: YearListingDay[] = [];
    for (let d = YEAR_START[yearIndex]!; d < YEAR_START[yearIndex + 1]!; d++) {
      const k = this.kinds[d - FIRST_DAY]!;
      if (k === WORKDAY || k === WEEKEND) continue;
      const weekday = weekdayOfDayNumber(d);
      const weekend = weekday === 0 || weekday === 6;
      // A holiday on a weekend changes nothing by itself (its compensatory day is listed).
      if (weekend && k !== MAKEUP) continue;
      days.push({ date: isoOf(d), kind: KINDS[k] as NoticeDayKind, name: this.names.get(d) ?? "" });
    }
    return { year, provisional: this.isProvisional(year), days };
  }

  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Số ngày làm việc phải là số nguyên không âm: ${n}`);
    return isoOf(this.addWorking(parseOrThrow(date, "date"), n));
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    return isoOf(this.nextWorking(parseOrThrow(date, "date")));
  }

  countWorkingDays(fromExclusive: IsoDate, toInclusive: IsoDate): number {
    return this.countWorking(parseOrThrow(fromExclusive, "from"), parseOrThrow(toInclusive, "to"));
  }

  withNotice(notice: YearNotice): WorkCalendar {
    return buildCalendar([...[...this.imported.values()].filter((n) => n.year !== notice.year), notice]);
  }

  withoutNotice(year: number): WorkCalendar {
    return buildCalendar([...this.imported.values()].filter((n) => n.year !== year));
  }
}

/**
 * A working-day calendar from the imported official notices (validated here; a bad notice or two
 * notices for one year throw a CalendarError). Years without a notice are provisional.
 */
export function buildCalendar(notices: readonly YearNotice[]): WorkCalendar {
  const byYear = new Map<number, YearNotice>();
  for (const input of notices) {
    const checked = validateYearNotice(input);
    if (!checked.ok) throw new CalendarError("INVALID_NOTICE", { problems: checked.errors }, "notices");
    if (byYear.has(checked.notice.year))
      throw new CalendarError("DUPLICATE_NOTICE_YEAR", { year: checked.notice.year }, "notices");
    byYear.set(checked.notice.year, checked.notice);
  }
  return new Calendar(byYear);
}

export interface CalendarDayChange {
  date: IsoDate;
  before: DayInfo;
  after: DayInfo;
}

/** Days of `year` whose kind or working status differs between two calendars. */
export function changedDays(before: WorkCalendar, after: WorkCalendar, year: number): CalendarDayChange[] {
  const changes: CalendarDayChange[] = [];
  const start = dayNumberFromParts(year, 1, 1);
  const end = dayNumberFromParts(year + 1, 1, 1);
  for (let d = start; d < end; d++) {
    if (before.days.kind(d) !== after.days.kind(d) || before.days.name(d) !== after.days.name(d)) {
      const date = isoOf(d);
      changes.push({ date, before: before.dayInfo(date), after: after.dayInfo(date) });
    }
  }
  return changes;
}
