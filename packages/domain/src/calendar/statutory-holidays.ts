/**
 * Public holidays fixed by statute, used for "provisional" years — years for which no official
 * notice has been imported. The result has the same shape as an imported notice, so the calendar
 * treats both alike; only `isProvisional(year)` tells them apart.
 *
 * Current law — Bộ luật Lao động 2019, Điều 112 khoản 1 (docs/LAW.md §7.3): Tết Dương lịch 1 day
 * (1/1); Tết Âm lịch 5 days; Ngày Chiến thắng (30/4); Quốc tế lao động (1/5); Quốc khánh 2 days
 * (2/9 and one adjacent day); Giỗ Tổ Hùng Vương (10/3 lunar). The Prime Minister fixes each year
 * which 5 days of Tết and which day next to 2/9 (khoản 3); until the notice exists we use:
 *  - Tết: the last day of the lunar year (29 or 30 tháng Chạp) and the 1st–4th of month 1. This is
 *    the split most often chosen in past notices; the real notice may start a day or two earlier.
 *  - Quốc khánh: 2/9 and 3/9 (the day after). Past notices chose either side depending on the weekday.
 * A holiday falling on Saturday or Sunday (the weekly rest days of state agencies) gives a
 * compensatory day off on the next working day (Điều 111 khoản 3).
 *
 * Earlier codes (recalled, [P]): Bộ luật Lao động 1994 Điều 73 — Tết 4 days, Quốc khánh 1 day;
 * its 2007 amendment added Giỗ Tổ Hùng Vương (first observed 26/04/2007); Bộ luật Lao động 2012
 * Điều 115 (in force 01/05/2013) — Tết 5 days, so from Tết 2014; Bộ luật Lao động 2019 (in force
 * 01/01/2021) — Quốc khánh 2 days. Years before 1995 use the 1994 rules as an approximation.
 */
import { dayNumberFromParts, isoFromDayNumber, isWeekendDayNumber, type DayNumber } from "./iso-date.ts";
import { dayNumberToLunar, formatLunarDate, hungKingsDay, lunarNewYear } from "./lunar.ts";
import { describeDay, type NoticeDay, type YearNotice } from "./notice-schema.ts";
import { cite } from "../law/acts.ts";

export interface StatutoryRegime {
  fromYear: number;
  basis: string;
  compensatoryBasis: string;
  tetDays: number;
  nationalDayDays: number;
  hungKings: boolean;
}

export const STATUTORY_REGIMES: readonly StatutoryRegime[] = [
  {
    fromYear: 1990,
    basis: `Điều 73 ${cite("BLLD_1994")}`,
    compensatoryBasis: `Điều 73 khoản 2 ${cite("BLLD_1994")}`,
    tetDays: 4,
    nationalDayDays: 1,
    hungKings: false,
  },
  {
    fromYear: 2007,
    basis: `Điều 73 ${cite("BLLD_1994")} (sửa đổi năm 2007)`,
    compensatoryBasis: `Điều 73 khoản 2 ${cite("BLLD_1994")}`,
    tetDays: 4,
    nationalDayDays: 1,
    hungKings: true,
  },
  {
    fromYear: 2014,
    basis: `Điều 115 ${cite("BLLD_2012")}`,
    compensatoryBasis: `Điều 115 khoản 3 ${cite("BLLD_2012")}`,
    tetDays: 5,
    nationalDayDays: 1,
    hungKings: true,
  },
  {
    fromYear: 2021,
    basis: `Điều 112 ${cite("BLLD")}`,
    compensatoryBasis: `Điều 111 khoản 3 ${cite("BLLD")}`,
    tetDays: 5,
    nationalDayDays: 2,
    hungKings: true,
  },
];

export function statutoryRegime(year: number): StatutoryRegime {
  let regime = STATUTORY_REGIMES[0]!;
  for (const r of STATUTORY_REGIMES) if (r.fromYear <= year) regime = r;
  return regime;
}

interface Holiday {
  day: DayNumber;
  name: string;
}

/** The statutory holidays of `year` with the default choices described above (no compensatory days). */
export function statutoryHolidays(year: number): Holiday[] {
  const regime = statutoryRegime(year);
  const list: Holiday[] = [{ day: dayNumberFromParts(year, 1, 1), name: "Tết Dương lịch" }];
  const tet = lunarNewYear(year);
  // The last day of the old lunar year, then mùng 1 … mùng (tetDays - 1).
  for (let d = tet - 1; d < tet - 1 + regime.tetDays; d++) {
    list.push({ day: d, name: `Tết Âm lịch (${formatLunarDate(dayNumberToLunar(d))})` });
  }
  if (regime.hungKings) list.push({ day: hungKingsDay(year), name: "Giỗ Tổ Hùng Vương (10 tháng Ba âm lịch)" });
  list.push({ day: dayNumberFromParts(year, 4, 30), name: "Ngày Chiến thắng (30/4)" });
  list.push({ day: dayNumberFromParts(year, 5, 1), name: "Ngày Quốc tế lao động (1/5)" });
  list.push({ day: dayNumberFromParts(year, 9, 2), name: "Quốc khánh (2/9)" });
  if (regime.nationalDayDays === 2) {
    list.push({ day: dayNumberFromParts(year, 9, 3), name: "Quốc khánh (ngày liền kề 3/9, tạm tính)" });
  }
  return list.sort((a, b) => a.day - b.day);
}

/**
 * The notice that the statute alone implies for `year`: holidays plus compensatory days. Two
 * holidays on the same date (possible in theory: Giỗ Tổ on 30/4) are merged and, like a holiday on
 * a weekend, give a compensatory day — by analogy with Điều 111 khoản 3 [U].
 */
export function provisionalNotice(year: number): YearNotice {
  const regime = statutoryRegime(year);
  const byDay = new Map<DayNumber, Holiday[]>();
  for (const h of statutoryHolidays(year)) {
    const same = byDay.get(h.day);
    if (same) same.push(h);
    else byDay.set(h.day, [h]);
  }
  const days: NoticeDay[] = [];
  const taken = new Set<DayNumber>(byDay.keys());
  const owed: { day: DayNumber; name: string }[] = [];
  for (const [day, holidays] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    const name = holidays.map((h) => h.name).join("; ");
    days.push({ date: isoFromDayNumber(day), kind: "holiday", name });
    if (isWeekendDayNumber(day)) owed.push({ day, name: holidays[0]!.name });
    for (const extra of holidays.slice(1)) owed.push({ day, name: extra.name });
  }
  for (const o of owed) {
    let d = o.day + 1;
    while (isWeekendDayNumber(d) || taken.has(d)) d++;
    taken.add(d);
    days.push({
      date: isoFromDayNumber(d),
      kind: "compensatory",
      name: `Nghỉ bù: ${o.name} trùng ${describeDay(o.day)}`,
    });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    source: `Tạm tính theo ${regime.basis} và ${regime.compensatoryBasis}; chưa có thông báo chính thức của năm ${year}`,
    note:
      "Năm tạm tính: ngày Tết Âm lịch lấy ngày cuối năm âm lịch và mùng 1–" +
      (regime.tetDays - 1) +
      (regime.nationalDayDays === 2 ? "; ngày Quốc khánh liền kề lấy 3/9" : "") +
      "; không có ngày hoán đổi. Thông báo chính thức có thể khác.",
    days,
  };
}
