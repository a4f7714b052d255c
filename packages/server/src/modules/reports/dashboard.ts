/**
 * The reports dashboard (issue 19): the charts of domain reports/dashboard.ts computed by the
 * report engine (compute.ts aggregateSources, the catalogue's indicators), so a bar counts what
 * the same indicator counts in the forms and drills down through the same route. One call of the
 * engine computes every period of the year and of the year before (each figure a FILTER column
 * with its own days) and groups the year's petitions by field; the areas are the units reporting
 * to the agency on the year's last day (the reporting graph, as the consolidated reports count). Overdue work is counted as the petitions and cases lists count it ("quá hạn": an open
 * record whose due date is before today).
 */
import { FINAL_STATES, PETITION_OPEN_STATES, fieldByCode, todayInVietnam } from "@minhbach/domain";
import type {
  DashboardChart,
  DashboardPoint,
  DashboardQuery,
  DashboardView,
} from "@minhbach/domain/api/reports-dashboard";
import {
  DASHBOARD_CHARTS,
  NO_FIELD_LABEL,
  sameTimeLastYear,
  trendPeriods,
  yearPeriod,
} from "@minhbach/domain/reports/dashboard";
import { INDICATORS } from "@minhbach/domain/reports/index";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { aggregateSources, NO_VALUE } from "./aggregate.ts";
import { resolveAgencies } from "./compute.ts";

const THIS = "y";
const LAST = "ly";
const name = (code: string, year: string, key: string) => `${code}@${year}@${key}`;

export async function reportDashboard(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: DashboardQuery,
  now = new Date(),
): Promise<DashboardView> {
  const periods = trendPeriods(q.year).map((p) => ({
    key: `${p.kind}-${p.n}`,
    label: p.label,
    from: p.from,
    to: p.to,
    lastYear: sameTimeLastYear(p),
  }));
  const year = yearPeriod(q.year);
  const whole = { key: "year", label: year.label, from: year.from, to: year.to, lastYear: sameTimeLastYear(year) };
  // The units under the agency as the year's reports count them: the reporting graph on its last day.
  const { agency, agencies } = await resolveAgencies(db, auth, q.agencyId, q.subtree, year.to);
  const ids = agencies.map((a) => a.id);

  // Every chart's series over its days, this year and last year, named code@year@key.
  const wanted = DASHBOARD_CHARTS.flatMap((chart) =>
    (chart.along === "period" ? periods : [whole]).flatMap((p) =>
      chart.series.flatMap((code) => [
        { name: name(code, THIS, p.key), ind: INDICATORS[code]!, from: p.from, to: p.to },
        { name: name(code, LAST, p.key), ind: INDICATORS[code]!, from: p.lastYear.from, to: p.lastYear.to },
      ]),
    ),
  );
  const unique = [...new Map(wanted.map((w) => [w.name, w])).values()];
  const lo = unique.reduce((m, w) => (w.from < m ? w.from : m), whole.from);
  const { byAgency, byDimension } = await aggregateSources(db, ids, unique, lo, "field");
  const total = byAgency.get("") ?? {};

  const point = (
    p: (typeof periods)[number],
    values: Record<string, number>,
    series: readonly string[],
    dimension: DashboardPoint["dimension"] = null,
    value: string | null = null,
    label = p.label,
  ): DashboardPoint => ({
    key: value ?? p.key,
    label,
    from: p.from,
    to: p.to,
    lastYear: p.lastYear,
    dimension,
    value,
    values: Object.fromEntries(series.map((code) => [code, values[name(code, THIS, p.key)] ?? 0])),
    lastYearValues: Object.fromEntries(series.map((code) => [code, values[name(code, LAST, p.key)] ?? 0])),
  });

  const charts: DashboardChart[] = DASHBOARD_CHARTS.map((chart) => {
    let points: DashboardPoint[];
    if (chart.along === "period") points = periods.map((p) => point(p, total, chart.series));
    else if (chart.along === "area")
      points = agencies.map((a) => point(whole, byAgency.get(a.id) ?? {}, chart.series, "area", a.code, a.name));
    else
      points = [...byDimension.entries()]
        .map(([code, values]) =>
          point(whole, values, chart.series, "field", code, code === NO_VALUE ? NO_FIELD_LABEL : labelOfField(code)),
        )
        // Fields with nothing this year nor last year are left out; the largest first.
        .filter((p) => chart.series.some((c) => (p.values[c] ?? 0) + (p.lastYearValues[c] ?? 0) > 0))
        .sort((a, b) => sum(b.values) - sum(a.values) || a.label.localeCompare(b.label, "vi"));
    return {
      id: chart.id,
      title: chart.title,
      along: chart.along,
      series: chart.series.map((code) => ({
        indicator: code,
        name: INDICATORS[code]!.name,
        unit: INDICATORS[code]!.unit,
      })),
      points,
    };
  });

  const today = todayInVietnam(now);
  const overdue = await overdueWork(db, ids, today);
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name },
    year: q.year,
    subtree: q.subtree,
    from: whole.from,
    to: whole.to,
    periodKind: periods[0]?.key.startsWith("month") ? "month" : "quarter",
    charts,
    overdue: {
      today,
      petitions: overdue.reduce((n, r) => n + r.petitions, 0),
      cases: overdue.reduce((n, r) => n + r.cases, 0),
      byAgency: agencies.map((a) => {
        const row = overdue.find((r) => r.agencyId === a.id);
        return { agency: a, petitions: row?.petitions ?? 0, cases: row?.cases ?? 0 };
      }),
    },
    computedAt: now.toISOString(),
  };
}

function sum(values: Record<string, number>) {
  return Object.values(values).reduce((n, v) => n + v, 0);
}

function labelOfField(code: string) {
  const field = fieldByCode(code);
  return field ? field.name : code;
}

/**
 * Open petitions and cases past their due date today, per agency: the petitions list's "quá hạn"
 * (an open state, due_on before today) and the cases dashboard's (not in a final state, due_on
 * before today).
 */
async function overdueWork(db: Kysely<DB>, agencyIds: readonly string[], today: string) {
  const ids = sql.join(agencyIds.map((id) => sql`${id}`));
  const open = sql.join(PETITION_OPEN_STATES.map((s) => sql`${s}`));
  const final = sql.join(FINAL_STATES.map((s) => sql`${s}`));
  const result = await sql<{ agency_id: string; petitions: string | number; cases: string | number }>`
    select agency_id, sum(petitions) as petitions, sum(cases) as cases from (
      select p.agency_id, count(*) as petitions, 0 as cases from petition p
        where p.agency_id in (${ids}) and p.state in (${open}) and p.due_on < ${today}::date group by p.agency_id
      union all
      select c.agency_id, 0, count(*) from resolution_case c
        where c.agency_id in (${ids}) and c.state not in (${final}) and c.due_on < ${today}::date group by c.agency_id
    ) as o group by agency_id`.execute(db);
  return result.rows.map((r) => ({ agencyId: r.agency_id, petitions: Number(r.petitions), cases: Number(r.cases) }));
}
