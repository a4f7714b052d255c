/**
 * Calendar dates as ISO strings ('YYYY-MM-DD') at the edges, integer day numbers inside.
 *
 * A day number counts days since 1970-01-01. Every legal date in this system is a Vietnamese
 * civil date (UTC+7); there is no time of day and no time zone once a date has been taken, so
 * all arithmetic is integer arithmetic and never goes through a local-time `Date`.
 */

/** A calendar date 'YYYY-MM-DD' (Gregorian, Vietnam time). */
export type IsoDate = string;

/** Days since 1970-01-01. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Vietnam has used UTC+7 without daylight saving since 1975. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Inverse of {@link dayNumberFromParts} (H. Hinnant's `civil_from_days`). */
export function partsFromDayNumber(dayNumber: DayNumber): DateParts {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Day number of a well-formed, existing ISO date, or `undefined` when the string is not
 * 'YYYY-MM-DD' or names a day that does not exist (2026-02-30). Hand-rolled for speed: it runs
 * once per date of every deadline computed.
 */
export function parseIsoDate(value: unknown): DayNumber | undefined {
  if (typeof value !== "string" || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y0 = digit(value, 0),
    y1 = digit(value, 1),
    y2 = digit(value, 2),
    y3 = digit(value, 3);
  const m0 = digit(value, 5),
    m1 = digit(value, 6),
    d0 = digit(value, 8),
    d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberFromParts(year, month, day);
}

/** True for a string of the shape 'YYYY-MM-DD' (whether or not the day exists). */
export function looksLikeIsoDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== undefined;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export function isoFromDayNumber(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return isoFromParts(year, month, day);
}

/** Day number of an ISO date; throws a plain Error on bad input (use {@link parseIsoDate} to test). */
export function toDayNumber(date: IsoDate): DayNumber {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`Ngày ${String(date)} không hợp lệ`);
  return n;
}

/** 0 = Sunday (Chủ nhật) … 6 = Saturday (Thứ Bảy). 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekendDayNumber(dayNumber: DayNumber): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === 0 || w === 6;
}

export const WEEKDAY_NAMES: readonly string[] = [
  "Chủ nhật",
  "Thứ Hai",
  "Thứ Ba",
  "Thứ Tư",
  "Thứ Năm",
  "Thứ Sáu",
  "Thứ Bảy",
];

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)]!;
}

/** 'dd/mm/yyyy', the way dates are written in Vietnamese documents. */
export function formatVietnameseDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The Vietnamese civil date of an instant: "today" for the legal clock. Pass the instant in
 * (e.g. `vietnamDate(new Date())` at the edge of the system); the domain never reads the clock.
 */
export function vietnamDate(instant: Date | number): IsoDate {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return isoFromDayNumber(Math.floor((ms + VIETNAM_UTC_OFFSET_HOURS * 3_600_000) / MS_PER_DAY));
}

/**
 * Same day in the month `months` later; when that month is shorter, its last day
 * (Bộ luật Dân sự 2015, Điều 148: "ngày tương ứng của tháng cuối cùng ... ngày cuối cùng của tháng đó").
 */
export function addMonthsClamped(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayNumberFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}
