/**
 * The reports dashboard's shapes (issue 19): for an agency (and its units) and a year, the charts'
 * points computed by the report engine, each point carrying what its drill-down asks for
 * (indicator, from, to, agency, dimension value), this year and the same period last year.
 */
import { DASHBOARD_DIMENSIONS } from "../reports/dashboard.ts";
import { uuid } from "./common.ts";
import { blankable, z } from "./zod-vi.ts";

export const dashboardQuery = z.object({
  agencyId: uuid,
  year: z.coerce
    .number({ error: "Năm không hợp lệ." })
    .int({ error: "Năm không hợp lệ." })
    .min(2021, { error: "Năm phải từ 2021 trở đi." })
    .max(2100, { error: "Năm không hợp lệ." }),
  subtree: blankable(z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).default(false)),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const range = z.object({ from: z.string(), to: z.string() });

export const dashboardPoint = z.object({
  key: z.string(),
  label: z.string(),
  /** This year's days of the point (a period of the year, or the whole data year). */
  from: z.string(),
  to: z.string(),
  /** The same days one year earlier. */
  lastYear: range,
  /** The grouping the point stands for (null along periods) and its value (field code, agency code). */
  dimension: z.enum(DASHBOARD_DIMENSIONS).nullable(),
  value: z.string().nullable(),
  /** indicator code → figure this year / the same period last year. */
  values: z.record(z.string(), z.number()),
  lastYearValues: z.record(z.string(), z.number()),
});
export type DashboardPoint = z.infer<typeof dashboardPoint>;

export const dashboardChart = z.object({
  id: z.string(),
  title: z.string(),
  along: z.string(),
  series: z.array(z.object({ indicator: z.string(), name: z.string(), unit: z.string() })),
  points: z.array(dashboardPoint),
});
export type DashboardChart = z.infer<typeof dashboardChart>;

export const dashboardView = z.object({
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  subtree: z.boolean(),
  /** The year's data period (15/12 of the year before → 14/12) and its kind of trend periods. */
  from: z.string(),
  to: z.string(),
  periodKind: z.string(),
  charts: z.array(dashboardChart),
  /** Work past its legal time limit today, counted as the petitions and cases lists count it. */
  overdue: z.object({
    today: z.string(),
    petitions: z.number().int(),
    cases: z.number().int(),
    byAgency: z.array(
      z.object({
        agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
        petitions: z.number().int(),
        cases: z.number().int(),
      }),
    ),
  }),
  computedAt: z.string(),
});
export type DashboardView = z.infer<typeof dashboardView>;
