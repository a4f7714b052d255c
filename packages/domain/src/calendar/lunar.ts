/**
 * Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm
 * ("Thuật toán tính âm lịch") at the Vietnamese meridian, UTC+7.
 *
 * Why not a Chinese lunar library: the Chinese calendar uses UTC+8. When a new moon or a solar
 * term falls between 16:00 and 17:00 UTC the two calendars start a month on different days, and
 * occasionally the leap month or even the New Year differs (Tết 1985: 21/01 in Vietnam, 20/02 in
 * China; Tết 2007: 17/02 in Vietnam, 18/02 in China). Holidays of Vietnamese agencies follow the
 * Vietnamese calendar, so the computation is done here at UTC+7.
 *
 * Rules of the calendar: a month starts on the day (local time) of the astronomical new moon; the
 * month containing the winter solstice is month 11; when 13 new moons separate two months 11, the
 * first month after month 11 that contains no major solar term (trung khí) is the leap month.
 *
 * Julian day numbers (JDN) are used internally, as in the original algorithm.
 */
import { dayNumberFromParts, type DayNumber } from "./iso-date.ts";

export const VIETNAM_TIME_ZONE = 7;

/** JDN of 1970-01-01 — converts between JDN and our day numbers. */
const JDN_OF_EPOCH = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** JDN (fractional) of the new moon of 1900-01-01, the origin of the new-moon index k. */
const NEW_MOON_EPOCH = 2_415_021.076998695;
const DEG = Math.PI / 180;

/** Day (JDN) of the k-th new moon since 1900-01-01, in local time `timeZone`. */
export function newMoonDay(k: number, timeZone: number = VIETNAM_TIME_ZONE): number {
  const T = k / 1236.85; // Julian centuries since 1900-01-01 12:00
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  const jdNew = jd1 + C1 - deltaT;
  return Math.floor(jdNew + 0.5 + timeZone / 24);
}

/**
 * Sector (0..11, 30° each) of the Sun's apparent longitude at local midnight starting day `jdn`.
 * Sector 9 begins at 270°, the winter solstice; the major solar terms are the sector boundaries.
 */
export function sunLongitudeSector(jdn: number, timeZone: number = VIETNAM_TIME_ZONE): number {
  const T = (jdn - 2_451_545.5 - timeZone / 24) / 36_525; // Julian centuries since J2000
  const T2 = T * T;
  const M = 357.5291 + 35_999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36_000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  let L = (L0 + DL) * DEG;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdnFromDayNumber(dayNumberFromParts(year, 12, 31)) - 2_415_021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  return sunLongitudeSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month in a 13-month year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

function jdnFromDayNumber(dayNumber: DayNumber): number {
  return dayNumber + JDN_OF_EPOCH;
}

function dayNumberFromJdn(jdn: number): DayNumber {
  return jdn - JDN_OF_EPOCH;
}

export interface LunarDate {
  /** Lunar year, numbered like the Gregorian year in which its month 1 starts (Tết). */
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/**
 * Gregorian day number of a lunar date, or `undefined` when it does not exist (a leap month that
 * the year lacks, or day 30 of a 29-day month).
 */
export function lunarToDayNumber(lunar: LunarDate, timeZone: number = VIETNAM_TIME_ZONE): DayNumber | undefined {
  const { year, month, day, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  const monthStart = newMoonDay(k + off, timeZone);
  const nextMonthStart = newMoonDay(k + off + 1, timeZone);
  if (day < 1 || monthStart + day - 1 >= nextMonthStart) return undefined;
  return dayNumberFromJdn(monthStart + day - 1);
}

/** Lunar date of a Gregorian day number. */
export function dayNumberToLunar(dayNumber: DayNumber, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  const jdn = jdnFromDayNumber(dayNumber);
  // The original takes new moon k+1, else k. The true new moon can be far enough from the mean
  // one for both to be after `jdn` (e.g. 07/05/2054), so step back until the month contains it.
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, timeZone);
  while (monthStart > jdn) monthStart = newMoonDay(--k, timeZone);
  const { year: gregorianYear } = gregorianYearOfJdn(jdn);
  let a11 = lunarMonth11(gregorianYear, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = gregorianYear;
    a11 = lunarMonth11(gregorianYear - 1, timeZone);
  } else {
    lunarYear = gregorianYear + 1;
    b11 = lunarMonth11(gregorianYear + 1, timeZone);
  }
  const day = jdn - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapMonthDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapMonthDiff) {
      month = diff + 10;
      if (diff === leapMonthDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

function gregorianYearOfJdn(jdn: number): { year: number } {
  // Good enough for locating month 11: the year of a day number via 365.2425-day years, corrected.
  const dn = dayNumberFromJdn(jdn);
  let year = Math.floor(dn / 365.2425) + 1970;
  if (dayNumberFromParts(year, 1, 1) > dn) year -= 1;
  else if (dayNumberFromParts(year + 1, 1, 1) <= dn) year += 1;
  return { year };
}

/** Day number of Tết Nguyên đán (day 1 of month 1) of lunar year `year`. */
export function lunarNewYear(year: number): DayNumber {
  return lunarToDayNumber({ year, month: 1, day: 1, leap: false })!;
}

/** Day number of Giỗ Tổ Hùng Vương: day 10 of (the non-leap) month 3 of lunar year `year`. */
export function hungKingsDay(year: number): DayNumber {
  return lunarToDayNumber({ year, month: 3, day: 10, leap: false })!;
}

const LUNAR_MONTH_NAMES = ["", "Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Một", "Chạp"];

/** "mùng 1 tháng Giêng", "29 tháng Chạp", "10 tháng Ba nhuận". */
export function formatLunarDate(lunar: LunarDate): string {
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
  return `${day} tháng ${LUNAR_MONTH_NAMES[lunar.month]}${lunar.leap ? " nhuận" : ""}`;
}
