/**
 * The reports dashboard (issue 19): which figures of the indicator catalogue its charts show and
 * over which periods (docs/LAW.md §11.1, §11.7, §11.13). Pure: the server computes each figure with the
 * report engine from these codes, so a bar counts what the same indicator counts in the forms.
 * - The trend runs over the regime's data periods of the year: its months when the regime in force
 *   asks for monthly reports all year, otherwise its quarters (a year straddling two regimes takes
 *   the quarters).
 * - "Same period last year" is the same kind and number of period one year earlier, by the same
 *   cut-off rule (15 → 14), so a month compares with that month of the year before.
 */
import { INDICATORS } from "./indicators.ts";
import { periodOf, periodsOfYear, REPORTING_REGIMES, type ReportPeriod } from "./periods.ts";

export type DashboardChartId = "trend" | "recoveries" | "by_field" | "by_area";

/** The extra grouping a chart's points carry: none, the petition's field, or the agency (địa bàn). */
export const DASHBOARD_DIMENSIONS = ["field", "area"] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

export interface DashboardChartDefinition {
  id: DashboardChartId;
  title: string;
  /** Catalogue indicators, one series each, in order. */
  series: readonly string[];
  /** Points along the year's periods, or along a dimension for the whole year. */
  along: "period" | DashboardDimension;
}

export const DASHBOARD_CHARTS: readonly DashboardChartDefinition[] = [
  {
    id: "trend",
    title: "Diễn biến theo kỳ",
    series: ["petitions_received", "petitions_handled", "visits", "complaints_resolved", "denunciations_resolved"],
    along: "period",
  },
  {
    id: "by_field",
    title: "Đơn tiếp nhận theo lĩnh vực",
    series: ["petitions_received"],
    along: "field",
  },
  {
    id: "by_area",
    title: "Đơn tiếp nhận theo địa bàn (đơn vị)",
    series: ["petitions_received"],
    along: "area",
  },
  {
    id: "recoveries",
    title: "Thu hồi tiền qua thanh tra, kiểm tra: kiến nghị và đã thu hồi",
    series: ["insp_rec_recover_money", "check_rec_recover_money", "fu_money_recovered"],
    along: "period",
  },
];

/** Every code above is in the catalogue (checked once at load, so a renamed indicator fails loudly). */
for (const chart of DASHBOARD_CHARTS)
  for (const code of chart.series)
    if (!INDICATORS[code]) throw new Error(`dashboard: indicator ${code} is not in the catalogue`);

/** The label a petition without a field carries on the by-field chart, and its drill-down value. */
export const NO_FIELD = "-";
export const NO_FIELD_LABEL = "Chưa phân loại lĩnh vực";

/** The periods of a year the trend runs over (see the header). */
export function trendPeriods(year: number): ReportPeriod[] {
  const all = periodsOfYear(year);
  const months = all.filter((p) => p.kind === "month");
  if (months.length === 12) return months;
  return all.filter((p) => p.kind === "quarter");
}

/** The year's annual data period (from 15/12 of the year before), under the regime of its end. */
export function yearPeriod(year: number): ReportPeriod {
  const found = periodsOfYear(year).find((p) => p.kind === "year");
  if (found) return found;
  // Before the first regime: the first regime's rule, so the comparison still has days to count.
  return periodOf(REPORTING_REGIMES[0]!, "year", year);
}

/** The same period one year earlier, by the period's own regime's rule. */
export function sameTimeLastYear(period: ReportPeriod): { from: string; to: string } {
  const regime = REPORTING_REGIMES.find((r) => r.code === period.regime) ?? REPORTING_REGIMES[0]!;
  const before = periodOf(regime, period.kind, period.year - 1, period.n);
  return { from: before.from, to: before.to };
}
