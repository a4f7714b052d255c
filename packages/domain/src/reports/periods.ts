/**
 * Reporting regimes as versioned data and their data periods (kỳ chốt số liệu), docs/LAW.md §11.1,
 * §11.7. Under Thông tư 02/2021/TT-TTCP and Thông tư 01/2024/TT-TTCP a period runs from the 15th of
 * the month before it to the 14th of its last month; the 6-month, 9-month and annual reports are
 * cumulative and all start on 15/12 of the previous year. Thông tư 06/2025/TT-TTCP is assumed to
 * keep the same cut-off until its article is read (`verified: false`): a change is a new entry
 * here, not new code.
 */
import { addDays, daysInMonth, isoFromParts, isValidIsoDate, type IsoDate } from "../calendar/iso-date.ts";

export type PeriodKind = "month" | "quarter" | "half_year" | "nine_months" | "year";

export const PERIOD_KINDS: Readonly<Record<PeriodKind, string>> = {
  month: "Tháng",
  quarter: "Quý",
  half_year: "6 tháng",
  nine_months: "9 tháng",
  year: "Năm",
};

export interface CutoffRule {
  /** First day of a period: this day of the month before the period's first month. */
  startDay: number;
  /** Last day of a period: this day of the period's last month. */
  endDay: number;
}

export interface ReportingRegime {
  code: string;
  /** The circular, as cited. */
  title: string;
  /** Periods whose last day falls on or after this date belong to this regime (until the next one). */
  effectiveFrom: IsoDate;
  cutoff: CutoffRule;
  /** The period kinds the regime asks for periodically. */
  periodKinds: readonly PeriodKind[];
  /** Statistical forms of the reception, petition and resolution part. */
  forms: readonly string[];
  /** False when the cut-off was assumed, not read from the circular (docs/LAW.md §11.1). */
  verified: boolean;
  basis: string;
}

const XLD_FORMS = ["01/TCD", "02/XLD", "03/GQKN", "04/GQTC"] as const;

/** In order of coming into force. */
export const REPORTING_REGIMES: readonly ReportingRegime[] = [
  {
    code: "TT02/2021",
    title: "Thông tư 02/2021/TT-TTCP",
    effectiveFrom: "2021-05-10",
    cutoff: { startDay: 15, endDay: 14 },
    periodKinds: ["quarter", "half_year", "nine_months", "year"],
    forms: XLD_FORMS,
    verified: true,
    basis: "Thông tư 02/2021/TT-TTCP; Điều 12 Nghị định 09/2019/NĐ-CP",
  },
  {
    code: "TT01/2024",
    title: "Thông tư 01/2024/TT-TTCP",
    effectiveFrom: "2024-03-05",
    cutoff: { startDay: 15, endDay: 14 },
    periodKinds: ["quarter", "half_year", "nine_months", "year"],
    forms: XLD_FORMS,
    verified: true,
    basis: "Thông tư 01/2024/TT-TTCP",
  },
  {
    code: "TT06/2025",
    title: "Thông tư 06/2025/TT-TTCP",
    effectiveFrom: "2025-09-30",
    cutoff: { startDay: 15, endDay: 14 },
    periodKinds: ["month", "quarter", "half_year", "nine_months", "year"],
    forms: XLD_FORMS,
    verified: false,
    basis: "Thông tư 06/2025/TT-TTCP (kỳ chốt số liệu giả định như Thông tư 01/2024/TT-TTCP, cần đối chiếu)",
  },
];

/** The regime in force on a date (null before the first one). */
export function regimeInForce(date: IsoDate, regimes: readonly ReportingRegime[] = REPORTING_REGIMES) {
  let found: ReportingRegime | null = null;
  for (const r of regimes) if (r.effectiveFrom <= date) found = r;
  return found;
}

export interface ReportPeriod {
  regime: string;
  kind: PeriodKind;
  /** The reporting year (the year the period ends in). */
  year: number;
  /** Month 1–12, quarter 1–4; 1 for the cumulative kinds. */
  n: number;
  from: IsoDate;
  to: IsoDate;
  label: string;
}

function clampDay(year: number, month: number, day: number): IsoDate {
  return isoFromParts(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The first day of a period whose first month is (year, month): the cut-off day of the month before. */
function startOf(rule: CutoffRule, year: number, month: number): IsoDate {
  return month === 1 ? clampDay(year - 1, 12, rule.startDay) : clampDay(year, month - 1, rule.startDay);
}

function endOf(rule: CutoffRule, year: number, month: number): IsoDate {
  return clampDay(year, month, rule.endDay);
}

/** One period of a regime's rule (the regime is named by the caller). */
export function periodOf(regime: ReportingRegime, kind: PeriodKind, year: number, n = 1): ReportPeriod {
  const rule = regime.cutoff;
  let first: number;
  let last: number;
  let label: string;
  switch (kind) {
    case "month":
      if (!Number.isInteger(n) || n < 1 || n > 12) throw new RangeError("month 1–12");
      first = n;
      last = n;
      label = `Tháng ${n}/${year}`;
      break;
    case "quarter":
      if (!Number.isInteger(n) || n < 1 || n > 4) throw new RangeError("quarter 1–4");
      first = 3 * n - 2;
      last = 3 * n;
      label = `Quý ${["I", "II", "III", "IV"][n - 1]}/${year}`;
      break;
    case "half_year":
      first = 1;
      last = 6;
      label = `6 tháng đầu năm ${year}`;
      break;
    case "nine_months":
      first = 1;
      last = 9;
      label = `9 tháng năm ${year}`;
      break;
    case "year":
      first = 1;
      last = 12;
      label = `Năm ${year}`;
      break;
  }
  return {
    regime: regime.code,
    kind,
    year,
    n: kind === "month" || kind === "quarter" ? n : 1,
    from: startOf(rule, year, first),
    to: endOf(rule, year, last),
    label,
  };
}

/** The regime's periods ending in a year, in order (months, quarters, then the cumulative ones). */
export function periodsOfYear(year: number, regimes: readonly ReportingRegime[] = REPORTING_REGIMES): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  const add = (kind: PeriodKind, n: number) => {
    // A period belongs to the regime in force on its last day, computed by that regime's own rule.
    for (const regime of regimes) {
      if (!regime.periodKinds.includes(kind)) continue;
      const candidate = periodOf(regime, kind, year, n);
      if (regimeInForce(candidate.to, regimes)?.code === regime.code) out.push(candidate);
    }
  };
  for (let m = 1; m <= 12; m++) add("month", m);
  for (let q = 1; q <= 4; q++) add("quarter", q);
  add("half_year", 1);
  add("nine_months", 1);
  add("year", 1);
  return out;
}

/**
 * Which of the regime's periods {from, to} is, if any: the regime is the one in force on the
 * period's last day. Null when it is not a period of that regime.
 */
export function classifyPeriod(
  from: IsoDate,
  to: IsoDate,
  regimes: readonly ReportingRegime[] = REPORTING_REGIMES,
): ReportPeriod | null {
  if (!isValidIsoDate(from) || !isValidIsoDate(to) || from > to) return null;
  const year = Number(to.slice(0, 4));
  const regime = regimeInForce(to, regimes);
  if (!regime) return null;
  return periodsOfYear(year, regimes).find((p) => p.from === from && p.to === to && p.regime === regime.code) ?? null;
}

/**
 * The period whose end the carried-over figures of {from, to} must equal (docs/LAW.md §11.7): it
 * ends the day before `from`. For a quarter or a month, the previous one; for the cumulative
 * kinds, the previous year's annual period. Null for a period that is not the regime's.
 */
export function previousPeriod(period: ReportPeriod, regimes: readonly ReportingRegime[] = REPORTING_REGIMES) {
  const end = addDays(period.from, -1);
  const year = Number(end.slice(0, 4));
  const kind: PeriodKind = period.kind === "month" || period.kind === "quarter" ? period.kind : "year";
  return periodsOfYear(year, regimes).find((p) => p.kind === kind && p.to === end) ?? null;
}

/**
 * The first day of the data year a day belongs to (§11.1, §11.7): the cumulative periods of a year
 * start on the cut-off day of the December before (15/12 under the 15→14 rule), so 10/12/2023 is in
 * the data year 2023 (from 15/12/2022) and 20/12/2023 in 2024 (from 15/12/2023). Before the first
 * regime, the calendar year. Used for "recovered this period under earlier years' conclusions".
 */
export function dataYearStart(date: IsoDate, regimes: readonly ReportingRegime[] = REPORTING_REGIMES): IsoDate {
  const regime = regimeInForce(date, regimes);
  const year = Number(date.slice(0, 4));
  if (!regime) return isoFromParts(year, 1, 1);
  const thisDecember = clampDay(year, 12, regime.cutoff.startDay);
  return date >= thisDecember ? thisDecember : clampDay(year - 1, 12, regime.cutoff.startDay);
}
