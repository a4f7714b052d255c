/**
 * Computing a statistical form from the records (docs/LAW.md §11.7): the catalogue's indicators
 * (domain reports/indicators.ts) become one SQL aggregate per source, a `count(*) FILTER (WHERE …)`
 * per indicator, grouped by agency with a grand total (GROUPING SETS), so PostgreSQL counts and
 * adds, not JavaScript. The drill-down turns the same definition into a WHERE for the list.
 */
import {
  FORMS,
  INDICATORS,
  RECONCILED_PAIRS,
  SOURCE_COLUMNS,
  SOURCE_DATES,
  classifyPeriod,
  previousPeriod,
  formIndicators,
  reportingSubtreeOn,
  type Condition,
  type FormDefinition,
  type Indicator,
  type IndicatorSource,
  type IndicatorWindow,
  type ReportPeriod,
} from "@minhbach/domain/reports/index";
import { addDays } from "@minhbach/domain/calendar/iso-date";
import { dataYearStart } from "@minhbach/domain/reports/index";
import type { ReportScope, ReportView } from "@minhbach/domain/api/reports";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, type AuthContext } from "../../platform/access.ts";
import { fail } from "../../platform/errors.ts";
import { SOURCE_TABLES } from "./sources.ts";
import { consolidatedReport, consolidationInputs, contributorsOf, type Contributor } from "./rollup.ts";
import { loadGraph } from "./graph.ts";

export interface ReportRequest {
  form: string;
  agencyId: string;
  from: string;
  to: string;
  subtree: boolean;
  kind: "periodic" | "adhoc";
  /** unit, subtree (the reporting graph on the period's end) or cluster; `subtree` alone = subtree. */
  scope?: ReportScope | undefined;
  groupId?: string | undefined;
}

export function scopeOfRequest(q: Pick<ReportRequest, "scope" | "subtree">): ReportScope {
  return q.scope ?? (q.subtree ? "subtree" : "unit");
}

function col(source: IndicatorSource, name: string): RawBuilder<unknown> {
  const allowed: readonly string[] = SOURCE_COLUMNS[source];
  const dates = SOURCE_DATES[source];
  if (
    !allowed.includes(name) &&
    name !== dates.start &&
    name !== dates.end &&
    !SOURCE_TABLES[source].summable.includes(name) &&
    name !== SOURCE_TABLES[source].matter &&
    !Object.values(SOURCE_TABLES[source].dimensions ?? {}).includes(name)
  ) {
    throw new Error(`reports: column ${source}.${name} is not in the catalogue`);
  }
  return sql.ref(`${SOURCE_TABLES[source].alias}.${name}`);
}

function condition(source: IndicatorSource, c: Condition, from: string, to: string): RawBuilder<boolean> {
  const ref = col(source, c.col);
  if ("period" in c) return sql<boolean>`${ref} = ${c.period === "from" ? from : to}::date`;
  if ("before" in c) return sql<boolean>`${ref} < ${dataYearStart(from)}::date`;
  if ("eq" in c) return sql<boolean>`${ref} = ${c.eq}`;
  if ("in" in c) return sql<boolean>`${ref} in (${sql.join(c.in.map((v) => sql`${v}`))})`;
  if ("gt" in c) return sql<boolean>`${ref} > ${c.gt}`;
  if ("lte" in c) return sql<boolean>`${ref} <= ${c.lte}`;
  return c.isNull ? sql<boolean>`${ref} is null` : sql<boolean>`${ref} is not null`;
}

/** The time window of §11.7 on a source's start and end dates. */
function windowOf(source: IndicatorSource, window: IndicatorWindow, from: string, to: string): RawBuilder<boolean> {
  const { start: s, end: e } = SOURCE_DATES[source];
  const start = col(source, s);
  const end = e === null ? null : col(source, e);
  const startedIn = sql<boolean>`${start} between ${from}::date and ${to}::date`;
  if (end === null) {
    if (window !== "started") throw new Error(`reports: ${source} has only events`);
    return startedIn;
  }
  switch (window) {
    case "started":
      return startedIn;
    case "ended":
      return sql<boolean>`${end} between ${from}::date and ${to}::date`;
    case "carried_over":
      return sql<boolean>`(${start} < ${from}::date and (${end} is null or ${end} >= ${from}::date))`;
    case "in_play":
      return sql<boolean>`(${start} <= ${to}::date and (${end} is null or ${end} >= ${from}::date))`;
    case "open_at_end":
      return sql<boolean>`(${start} <= ${to}::date and (${end} is null or ${end} > ${to}::date))`;
  }
}

/** All of an indicator's conditions, window included, as one boolean. */
export function indicatorWhere(ind: Indicator, from: string, to: string): RawBuilder<boolean> {
  const parts = [
    windowOf(ind.source, ind.window, from, to),
    ...ind.where.map((c) => condition(ind.source, c, from, to)),
  ];
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

function aggregate(ind: Indicator, from: string, to: string): RawBuilder<number> {
  const where = indicatorWhere(ind, from, to);
  if (ind.measure === "count") return sql<number>`count(*) filter (where ${where})`;
  if (ind.measure === "matters") {
    const matter = SOURCE_TABLES[ind.source].matter;
    if (!matter) throw new Error(`reports: ${ind.source} has no matter`);
    return sql<number>`count(distinct ${col(ind.source, matter)}) filter (where ${where})`;
  }
  const total = sql<number>`coalesce(sum(${col(ind.source, ind.measure.sum)}) filter (where ${where}), 0)`;
  // Added up first, divided once (đồng → triệu đồng): exact decimals, no drift from row to row.
  return ind.measure.per ? sql<number>`(${total})::numeric / ${sql.lit(ind.measure.per)}` : total;
}

/** Rows that can count in any window of the period (an index-friendly pre-filter). */
function relevant(source: IndicatorSource, from: string, to: string): RawBuilder<boolean> {
  const { start: s, end: e } = SOURCE_DATES[source];
  const start = col(source, s);
  if (e === null) return sql<boolean>`${start} between ${from}::date and ${to}::date`;
  const end = col(source, e);
  return sql<boolean>`((${start} <= ${to}::date or ${end} <= ${to}::date) and (${end} is null or ${end} >= ${from}::date))`;
}

export interface Aggregated {
  /** agency id → indicator code → value; "" holds the grand total. */
  byAgency: Map<string, Record<string, number>>;
  /** With a grouping dimension: its value (NO_VALUE when empty) → indicator name → value. */
  byDimension: Map<string, Record<string, number>>;
}

/** The key of the records whose dimension column is empty (a petition without a field). */
export const NO_VALUE = "-";

/**
 * One query per source: every requested indicator as a FILTER column, per agency and in total.
 * Each wanted indicator has its own name and period (the reconciliation's previous period, the
 * dashboard's periods). `by` names a dimension of the catalogue (sources.ts `dimensions`): the
 * sources that have it are also grouped by its column, one more grouping set of the same query.
 */
export async function aggregateSources(
  db: Kysely<DB>,
  agencyIds: readonly string[],
  wanted: readonly { name: string; ind: Indicator; from: string; to: string }[],
  from: string,
  to: string,
  by?: string,
): Promise<Aggregated> {
  const byAgency = new Map<string, Record<string, number>>();
  const byDimension = new Map<string, Record<string, number>>();
  const sources = [...new Set(wanted.map((w) => w.ind.source))];
  await Promise.all(
    sources.map(async (source) => {
      const list = wanted.filter((w) => w.ind.source === source);
      const { from: fromItem, alias, dimensions } = SOURCE_TABLES[source];
      // Each window's earliest "from" and latest "to", so the pre-filter keeps every row any needs.
      const lo = list.reduce((m, w) => (w.from < m ? w.from : m), from);
      const hi = list.reduce((m, w) => (w.to > m ? w.to : m), to);
      const columns = list.map((w, i) => sql`${aggregate(w.ind, w.from, w.to)} as ${sql.ref(`i${i}`)}`);
      const agency = sql.ref(`${alias}.agency_id`);
      const dimension = by === undefined ? undefined : dimensions?.[by];
      const extra = dimension === undefined ? null : col(source, dimension);
      const result = await sql<Record<string, unknown>>`
        select ${agency} as agency_id, grouping(${agency}) as total,
          ${extra === null ? sql`null` : extra} as dim, ${extra === null ? sql`1` : sql`grouping(${extra})`} as no_dim,
          ${sql.join(columns)}
        from ${fromItem(from)} as ${sql.table(alias)}
        where ${agency} in (${sql.join(agencyIds.map((id) => sql`${id}`))})
          and ${relevant(source, lo, hi)}
        group by grouping sets ((${agency}), ${extra === null ? sql`` : sql`(${extra}),`} ())`.execute(db);
      for (const row of result.rows) {
        const perDimension = Number(row.no_dim) === 0;
        const key = perDimension ? String(row.dim ?? NO_VALUE) : Number(row.total) === 1 ? "" : String(row.agency_id);
        const target = perDimension ? byDimension : byAgency;
        const values = target.get(key) ?? {};
        list.forEach((w, i) => (values[w.name] = Number(row[`i${i}`] ?? 0)));
        target.set(key, values);
      }
    }),
  );
  return { byAgency, byDimension };
}

export interface ResolvedReport {
  form: FormDefinition;
  agency: { id: string; code: string; name: string; path: string };
  period: ReportPeriod | null;
  /** The agencies counted, the chosen one first, then its subtree in code order. */
  agencies: { id: string; code: string; name: string }[];
  scope: ReportScope;
  /** The rows of a consolidated report (scope subtree or cluster), see rollup.ts. */
  contributors: Contributor[];
  group: { id: string; code: string; name: string } | null;
}

/**
 * The agency asked for (in the user's `report.read` scope) and, with its subtree, its units: the
 * units reporting to it on `asOf` (the reporting graph, docs/LAW.md §11.8), as a consolidated
 * report counts them — the dashboard and its drill-down say "the units under an agency" the same way.
 */
export async function resolveAgencies(
  db: Kysely<DB>,
  auth: AuthContext | null,
  agencyId: string,
  subtree: boolean,
  asOf: string,
) {
  const agency = await db
    .selectFrom("agency")
    .select(["id", "code", "name", "path"])
    .where("id", "=", agencyId)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  if (auth) await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  if (!subtree) return { agency, agencies: [{ id: agency.id, code: agency.code, name: agency.name }] };
  const graph = await loadGraph(db);
  const units = reportingSubtreeOn(graph, agency.id, asOf)
    .slice(1)
    .map((id) => graph.byId.get(id)!)
    .map((a) => ({ id: a.id, code: a.code, name: a.name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { agency, agencies: [{ id: agency.id, code: agency.code, name: agency.name }, ...units] };
}

/** Checks a request (form, period, agency and scope) and names the field that is wrong. */
export async function resolveReport(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: ReportRequest,
): Promise<ResolvedReport> {
  const form = FORMS[q.form];
  if (!form) fail("REPORT_FORM_UNKNOWN", "form");
  const period = classifyPeriod(q.from, q.to);
  if (q.kind === "periodic") {
    if (!period) fail("REPORT_PERIOD_INVALID", "from");
    if (!form.regimes.includes(period.regime)) fail("REPORT_FORM_NOT_IN_REGIME", "form");
  }
  const agency = await db
    .selectFrom("agency")
    .select(["id", "code", "name", "path"])
    .where("id", "=", q.agencyId)
    .executeTakeFirst();
  if (!agency) fail("AGENCY_NOT_FOUND", "agencyId");
  if (auth) await assertAgencyInScope(db, auth, "report.read", agency.id, "agencyId");
  const scope = scopeOfRequest(q);
  if (scope === "unit") {
    const agencies = [{ id: agency.id, code: agency.code, name: agency.name }];
    return { form, agency, period, agencies, scope, contributors: [], group: null };
  }
  const { contributors, group } = await contributorsOf(db, auth, { ...q, scope }, agency);
  const agencies = contributors.flatMap((c) => c.covers);
  return { form, agency, period, agencies, scope, contributors, group };
}

export const TOTAL_ROW = "tong";

/**
 * The steps of a consolidated report computed as a job (jobs.ts): told the number of contributing
 * units first, then each unit about to be computed (done = the units finished so far), then the
 * last step (totals, duplicates, last year) with done = total.
 */
export interface ReportProgress {
  step(done: number, total: number, label: string): Promise<void>;
}

export const TOTALS_STEP = "Cộng tổng, trừ đơn trùng, đối chiếu kỳ trước và cùng kỳ năm trước";

/**
 * The period's aggregate of a consolidated report unit by unit (the job's steps): each live row's
 * agencies in one query, reported as a step; then the reconciliation's figures over the whole
 * scope in one query, exactly as the single query of computeReport computes them (its grand
 * total, which a sum of per-unit totals would not be for a count of distinct matters). The
 * per-agency figures are those of the single query: it groups by agency too.
 */
async function aggregateByContributor(
  db: Kysely<DB>,
  resolved: ResolvedReport,
  wanted: readonly { name: string; ind: Indicator; from: string; to: string }[],
  reconciled: readonly string[],
  q: ReportRequest,
  progress: ReportProgress,
): Promise<Aggregated> {
  const byAgency = new Map<string, Record<string, number>>();
  const total = resolved.contributors.length;
  for (const [i, c] of resolved.contributors.entries()) {
    await progress.step(i, total, c.agency.name);
    // A unit that sent its report contributes its snapshot: nothing to count for its row.
    if (c.snapshot) continue;
    const part = await aggregateSources(
      db,
      c.covers.map((a) => a.id),
      wanted,
      q.from,
      q.to,
    );
    for (const [key, values] of part.byAgency) if (key !== "") byAgency.set(key, values);
  }
  await progress.step(total, total, TOTALS_STEP);
  const wholeScope = wanted.filter((w) => reconciled.includes(w.name));
  if (wholeScope.length > 0) {
    const all = await aggregateSources(
      db,
      resolved.agencies.map((a) => a.id),
      wholeScope,
      q.from,
      q.to,
    );
    byAgency.set("", all.byAgency.get("") ?? {});
  }
  return { byAgency, byDimension: new Map() };
}

/**
 * The form computed for an agency (and its subtree) and a period: cells, indicators, reconciliation.
 * With `progress` (a job), a consolidated report counts its live rows unit by unit and says so;
 * the result is the same as the single query's.
 */
export async function computeReport(
  db: Kysely<DB>,
  auth: AuthContext | null,
  q: ReportRequest,
  now = new Date(),
  progress?: ReportProgress,
): Promise<ReportView> {
  const resolved = await resolveReport(db, auth, q);
  const { form, agency, period, agencies } = resolved;
  const codes = formIndicators(form);
  const previousTo = addDays(q.from, -1);
  const pairs = RECONCILED_PAIRS.filter((p) => codes.includes(p.carriedOver) && codes.includes(p.inProgressAtEnd));
  const wanted = [
    ...codes.map((code) => ({ name: code, ind: INDICATORS[code]!, from: q.from, to: q.to })),
    // In progress at the end of the previous period, which ends the day before this one starts.
    ...pairs.map((p) => ({
      name: `prev:${p.inProgressAtEnd}`,
      ind: INDICATORS[p.inProgressAtEnd]!,
      from: q.from,
      to: previousTo,
    })),
  ];
  const stepwise = progress !== undefined && resolved.scope !== "unit";
  const [{ byAgency }, inputs] = stepwise
    ? [
        await aggregateByContributor(
          db,
          resolved,
          wanted,
          pairs.flatMap((p) => [p.carriedOver, `prev:${p.inProgressAtEnd}`]),
          q,
          progress,
        ),
        await consolidationInputs(db, resolved, codes, q),
      ]
    : await Promise.all([
        aggregateSources(
          db,
          agencies.map((a) => a.id),
          wanted,
          q.from,
          q.to,
        ),
        resolved.scope === "unit" ? null : consolidationInputs(db, resolved, codes, q),
      ]);
  // The reconciliation is the records' (a snapshot holds no previous period): the live total.
  const live = byAgency.get("") ?? {};
  const checks = pairs.map((p) => {
    const carried = live[p.carriedOver] ?? 0;
    const previousEnd = live[`prev:${p.inProgressAtEnd}`] ?? 0;
    return { ...p, carried, previousEnd, holds: carried === previousEnd };
  });
  const before = period ? previousPeriod(period) : null;
  const base = {
    form: form.code,
    title: form.title,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    from: q.from,
    to: q.to,
    period: period ? { kind: period.kind, label: period.label, regime: period.regime } : null,
    columns: form.columns.map((c) => ({ ...c, unit: INDICATORS[c.indicator]!.unit })),
    groups: [...form.groups],
    reconciliation: {
      previousFrom: before?.from ?? null,
      previousTo,
      checks,
      holds: checks.every((c) => c.holds),
    },
    computedAt: now.toISOString(),
  };
  if (inputs) return { ...base, ...consolidatedReport(resolved, codes, byAgency, inputs, q), subtree: true };
  const cells: Record<string, number> = {};
  for (const column of form.columns) cells[`${TOTAL_ROW}.${column.no}`] = live[column.indicator] ?? 0;
  return {
    ...base,
    subtree: false,
    rows: [{ key: TOTAL_ROW, label: "Tổng cộng" }],
    cells,
    indicators: Object.fromEntries(codes.map((code) => [code, live[code] ?? 0])),
  };
}
